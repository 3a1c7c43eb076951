import { beforeEach, describe, expect, test, vi } from 'vitest';
import { BADGE_CSS } from '../../components/badge-styles';
import { trusted } from '../../test/unit/trusted-event';
import type { EstimatedResult } from '../../utils/api/estimate-schema';
import { INTENSITY_MARKS, mountLineBadge } from './line-badge';
import { createShadowHost } from './shadow-host';

function mountBadge() {
  const { host, root } = createShadowHost('line');
  document.body.append(host);
  const onSignIn = vi.fn();
  const view = mountLineBadge(host, root, { onSignIn, onCorrect: async () => true });
  return { view, root, onSignIn };
}

function signedOutBadge() {
  const { view, root, onSignIn } = mountBadge();
  view.update({ kind: 'unavailable', message: 'Sign in to Spendprint.', signedOut: true });
  return { button: root.querySelector('button')!, onSignIn };
}

function estimatedBadge(factorKgPerUsd: number): HTMLElement {
  const result: EstimatedResult = {
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
  const { view, root } = mountBadge();
  view.update({ kind: 'estimated', result, medianFactor: 0.2 });
  return root.querySelector('.badge')!;
}

describe('line badge', () => {
  beforeEach(() => document.body.replaceChildren());

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
