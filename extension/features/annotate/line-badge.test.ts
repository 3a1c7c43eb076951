import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BADGE_CSS } from '../../components/badge-styles';
import { fakeIntersectionObserver } from '../../test/unit/fake-intersection-observer';
import { trusted } from '../../test/unit/trusted-event';
import type { EstimatedResult } from '../../utils/api/estimate-schema';
import * as lineBadge from './line-badge';
import { INTENSITY_MARKS } from './line-badge';

/**
 * happy-dom has no layout: its IntersectionObserver never reports, so a badge waits as in a page
 * far below the fold. Without IntersectionObserver a badge is drawn at once.
 */
const drawnAtOnce = () => vi.stubGlobal('IntersectionObserver', undefined);

/** A line badge in a price cell, mounted by line-badge.ts or by a fresh instance of it (a fresh page-wide observer). */
function mountBadge({ createLineHost, mountLineBadge }: typeof lineBadge = lineBadge) {
  const host = createLineHost();
  const anchor = document.createElement('td');
  anchor.append(host);
  document.body.append(anchor);
  const onSignIn = vi.fn();
  const view = mountLineBadge(host, { anchor, onSignIn, onCorrect: async () => true });
  return { view, host, onSignIn };
}

function signedOutBadge() {
  const { view, host, onSignIn } = mountBadge();
  view.update({ kind: 'unavailable', message: 'Sign in to Spendprint.', signedOut: true });
  return { button: host.shadowRoot!.querySelector('button')!, onSignIn };
}

function estimate(factorKgPerUsd: number): EstimatedResult {
  return {
    status: 'estimated',
    naics: '322121',
    naicsTitle: 'Paper mills',
    kgCO2e: 12.3,
    confidence: 0.9,
    alternatives: [],
    calculationMethod: 'spend-based',
    classificationSource: 'classifier',
    factor: { value: factorKgPerUsd, unit: 'kg CO2e/USD', dataset: 'USEEIO', version: '1.3' },
  };
}

function estimatedBadge(factorKgPerUsd: number): HTMLElement {
  const { view, host } = mountBadge();
  view.update({ kind: 'estimated', result: estimate(factorKgPerUsd), medianFactor: 0.2 });
  return host.shadowRoot!.querySelector('.badge')!;
}

describe('line badge', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    drawnAtOnce();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('signed out: a page script’s click() does not open the options page; the user’s click does', () => {
    const { button, onSignIn } = signedOutBadge();
    button.click();
    expect(onSignIn).not.toHaveBeenCalled();
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  test('intensity is shown by a mark as well as by colour, the mark matching the level', () => {
    const badges = {
      low: estimatedBadge(0.05),
      typical: estimatedBadge(0.2),
      high: estimatedBadge(0.9),
    };
    for (const [level, badge] of Object.entries(badges)) {
      expect(badge.classList.contains(level)).toBe(true);
      expect(badge.getAttribute('data-intensity')).toBe(
        INTENSITY_MARKS[level as keyof typeof INTENSITY_MARKS],
      );
      expect(badge.getAttribute('aria-label')).toContain(`${level} emission intensity`);
    }
    expect(new Set(Object.values(INTENSITY_MARKS)).size).toBe(3);
    expect(BADGE_CSS).toContain('.badge[data-intensity]::before { content: attr(data-intensity)');
  });
});

describe('a line badge far from the viewport', () => {
  beforeEach(() => document.body.replaceChildren());
  afterEach(() => vi.unstubAllGlobals());

  test('has no box while it waits; its line is watched, and nearing the viewport draws it', async () => {
    const { observed, enter } = fakeIntersectionObserver();
    vi.resetModules(); // a fresh page-wide observer, the fake one
    const { view, host } = mountBadge(await import('./line-badge'));
    const anchor = host.parentElement!;
    view.update({ kind: 'estimated', result: estimate(0.2), medianFactor: 0.2 });
    expect(host.style.display).toBe('contents');
    expect([...observed]).toEqual([anchor]); // a box-less host never intersects anything
    enter(anchor);
    expect(host.shadowRoot!.querySelector('button.badge')!.textContent).toBe('12 kg CO2e');
    expect(host.style.display).toBe(''); // the drawn host's box comes from :host in BADGE_CSS
    expect(observed.size).toBe(0);
  });

  test('is not drawn yet; its host carries the badge’s role, name and tab stop, and hands them over once drawn', () => {
    const { view, host } = mountBadge();
    view.update({ kind: 'estimated', result: estimate(0.9), medianFactor: 0.2 });
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttribute('role')).toBe('button');
    expect(host.tabIndex).toBe(0);
    const name = 'Spendprint estimate: 12 kilograms CO2e, high emission intensity, confidence 90%. Show details';
    expect(host.getAttribute('aria-label')).toBe(name);

    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true })); // Tab reached it
    const badge = host.shadowRoot!.querySelector('button.badge')!;
    expect(badge.getAttribute('aria-label')).toBe(name);
    expect(['role', 'tabindex', 'aria-label'].filter((name) => host.hasAttribute(name))).toEqual([]);
    expect(host.shadowRoot!.activeElement).toBe(badge);
    expect(badge.getAttribute('aria-expanded')).toBe('true'); // keyboard focus opens the panel, as on a drawn badge
  });

  test('a screen reader’s activation draws it and opens its panel; an estimate it cannot make is a note, not a tab stop', () => {
    const { view, host } = mountBadge();
    view.update({ kind: 'estimated', result: estimate(0.2), medianFactor: 0.2 });
    host.click();
    expect(host.shadowRoot!.querySelector('button.badge')!.getAttribute('aria-expanded')).toBe('true');
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();

    const unable = mountBadge();
    unable.view.update({ kind: 'unable', reason: 'no amount' });
    expect(unable.host.getAttribute('role')).toBe('note');
    expect(unable.host.hasAttribute('tabindex')).toBe(false);
    expect(unable.host.getAttribute('aria-label')).toBe('Spendprint: unable to estimate (no amount)');
  });

  test('is drawn before the page is printed', () => {
    const { view, host } = mountBadge();
    view.update({ kind: 'estimated', result: estimate(0.2), medianFactor: 0.2 });
    dispatchEvent(new Event('beforeprint'));
    expect(host.shadowRoot!.querySelector('button.badge')!.textContent).toBe('12 kg CO2e');
  });
});
