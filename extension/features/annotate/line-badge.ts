import { createElement, render } from 'preact';
import type { BadgeState } from '../../components/badge-state';
import { EstimatePanel } from '../../components/estimate-panel';
import { formatKg, formatPercent } from '../../utils/format';
import { confidenceBand, intensityLevel } from '../../utils/intensity';

export interface LineBadgeOptions {
  panelId: string;
  onCorrect(suggestedNaics: string): Promise<boolean>;
  onSignIn(): void;
}

export interface LineBadge {
  update(state: BadgeState): void;
  destroy(): void;
}

const CONFIDENCE_MARKS = { high: '●●●', medium: '●●○', low: '●○○' } as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The inline badge beside one price. Built with plain DOM (500 of them must cost only a few
 * milliseconds); the details panel is a Preact component mounted only while it is open.
 * Click or keyboard focus opens the panel; Escape, the close button or a click elsewhere closes it.
 */
export function mountLineBadge(root: ShadowRoot, options: LineBadgeOptions): LineBadge {
  const container = element('span', 'float');
  root.append(container);
  let state: BadgeState | undefined;
  let button: HTMLButtonElement | undefined;
  let panelHost: HTMLElement | undefined;
  let pointerFocus = false;

  const onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(container)) close(false);
  };
  const open = () => {
    if (panelHost || state?.kind !== 'estimated' || !button) return;
    panelHost = element('span', '');
    container.append(panelHost);
    const { result, hint } = state;
    render(createElement(EstimatePanel, { id: options.panelId, result, hint, onClose: () => close(true), onCorrect: options.onCorrect }), panelHost);
    button.setAttribute('aria-expanded', 'true');
    container.classList.add('open');
    document.addEventListener('pointerdown', onOutsidePointer, true);
  };
  function close(returnFocus: boolean) {
    if (!panelHost) return;
    render(null, panelHost);
    panelHost.remove();
    panelHost = undefined;
    button?.setAttribute('aria-expanded', 'false');
    container.classList.remove('open');
    document.removeEventListener('pointerdown', onOutsidePointer, true);
    if (returnFocus) button?.focus();
  }

  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panelHost) close(true);
  });
  container.addEventListener('focusout', (event) => {
    // relatedTarget is null when the focused control is replaced inside the panel: stay open.
    const next = event.relatedTarget as Node | null;
    if (next && !container.contains(next)) close(false);
  });

  const build = (next: BadgeState) => {
    if (next.kind === 'unable') {
      const note = element('span', 'badge unable', 'unable to estimate');
      note.setAttribute('role', 'note');
      note.title = next.reason;
      note.setAttribute('aria-label', `Spendprint: unable to estimate (${next.reason})`);
      return note;
    }
    if (next.kind === 'unavailable') {
      const link = element('button', 'badge unavailable', next.signedOut ? 'Sign in for kg CO2e' : 'estimate unavailable');
      link.type = 'button';
      link.setAttribute('aria-label', `Spendprint: ${next.message}`);
      if (next.signedOut) link.addEventListener('click', options.onSignIn);
      return link;
    }
    const { result, medianFactor, hint } = next;
    const level = intensityLevel(result, medianFactor);
    const kg = formatKg(result.kgCO2e);
    const badge = element('button', `badge ${level}`);
    badge.type = 'button';
    badge.setAttribute(
      'aria-label',
      `Spendprint estimate: ${kg} kilograms CO2e, ${level} emission intensity, confidence ${formatPercent(result.confidence)}` +
        `${hint?.kind === 'alternative' ? ', a lower-emission option exists on this page' : ''}. Show details`,
    );
    badge.setAttribute('aria-expanded', 'false');
    badge.setAttribute('aria-controls', options.panelId);
    badge.append(element('span', '', `${kg} kg CO2e`));
    const marks = element('span', 'confidence', CONFIDENCE_MARKS[confidenceBand(result.confidence)]);
    marks.setAttribute('aria-hidden', 'true');
    badge.append(marks);
    if (hint?.kind === 'lowest') {
      const arrow = element('span', 'hint', '↓');
      arrow.setAttribute('aria-hidden', 'true');
      badge.append(arrow);
    }
    badge.addEventListener('pointerdown', () => (pointerFocus = true));
    badge.addEventListener('focus', () => {
      if (!pointerFocus) open();
      pointerFocus = false;
    });
    badge.addEventListener('click', () => (panelHost ? close(false) : open()));
    return badge;
  };

  return {
    update(next) {
      const wasOpen = !!panelHost;
      close(false);
      state = next;
      const built = build(next);
      button = built instanceof HTMLButtonElement && next.kind === 'estimated' ? built : undefined;
      container.replaceChildren(built);
      if (wasOpen) open();
    },
    destroy() {
      close(false);
      container.remove();
    },
  };
}
