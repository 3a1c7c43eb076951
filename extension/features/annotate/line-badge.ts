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

/** What a badge does on pointer-down, keyboard focus and click. */
interface BadgeControls {
  pointerDown?(): void;
  focus?(): void;
  click?(): void;
}

/** Each badge element's controls, found from an event's target by the delegated listeners. */
const controlsOf = new WeakMap<Element, BadgeControls>();
let delegating = false;

/**
 * One set of document listeners for every badge instead of three listeners per badge (500
 * badges would cost 1,500 addEventListener calls of the page's main-thread time). Capture phase,
 * so a page that stops propagation of its clicks cannot swallow the badges' own. The badges'
 * shadow roots are open, so the composed path starts at the element inside the badge.
 */
function delegateBadgeEvents(): void {
  if (delegating) return;
  delegating = true;
  const on = (type: string, run: (controls: BadgeControls) => void) =>
    document.addEventListener(
      type,
      (event) => {
        const target = event.composedPath()[0];
        const badge = target instanceof Element ? target.closest('.badge') : null;
        const controls = badge && controlsOf.get(badge);
        if (controls) run(controls);
      },
      true,
    );
  on('pointerdown', (controls) => controls.pointerDown?.());
  on('focusin', (controls) => controls.focus?.());
  on('click', (controls) => controls.click?.());
}

/**
 * The inline badge beside one price. Built with plain DOM and as few elements as possible (one
 * element per badge: its text, and its confidence marks drawn by CSS from an attribute) and no
 * listeners of its own (see delegateBadgeEvents), because 500 of them must cost only a few
 * milliseconds to build and to lay out. The details panel is a Preact component mounted only
 * while it is open. Click or keyboard focus opens the panel; Escape, the close button or a click
 * elsewhere closes it.
 */
export function mountLineBadge(root: ShadowRoot, options: LineBadgeOptions): LineBadge {
  delegateBadgeEvents();
  const host = root.host as HTMLElement;
  let state: BadgeState | undefined;
  let badge: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;
  let panelHost: HTMLElement | undefined;
  let pointerFocus = false;

  const onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(host)) close(false);
  };
  const onKeyDown = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape') close(true);
  };
  const onFocusOut = (event: Event) => {
    // relatedTarget is null when the focused control is replaced inside the panel: stay open.
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (next && !root.contains(next)) close(false);
  };
  const open = () => {
    if (panelHost || state?.kind !== 'estimated' || !button) return;
    panelHost = element('span', '');
    root.append(panelHost);
    const { result, hint } = state;
    render(createElement(EstimatePanel, { id: options.panelId, result, hint, onClose: () => close(true), onCorrect: options.onCorrect }), panelHost);
    button.setAttribute('aria-expanded', 'true');
    // Only the open badge is raised: closed ones stay below the page's own overlays.
    host.style.setProperty('z-index', '2147483647', 'important');
    document.addEventListener('pointerdown', onOutsidePointer, true);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusout', onFocusOut);
  };
  function close(returnFocus: boolean) {
    if (!panelHost) return;
    render(null, panelHost);
    panelHost.remove();
    panelHost = undefined;
    button?.setAttribute('aria-expanded', 'false');
    host.style.removeProperty('z-index');
    document.removeEventListener('pointerdown', onOutsidePointer, true);
    root.removeEventListener('keydown', onKeyDown);
    root.removeEventListener('focusout', onFocusOut);
    if (returnFocus) button?.focus();
  }
  const estimateControls: BadgeControls = {
    pointerDown: () => (pointerFocus = true),
    focus: () => {
      if (!pointerFocus) open();
      pointerFocus = false;
    },
    click: () => {
      pointerFocus = false; // focus may not have moved (it was already inside the badge)
      if (panelHost) close(false);
      else open();
    },
  };

  // No `type="button"` on the buttons: inside a shadow root they have no form to submit.
  const build = (next: BadgeState): HTMLElement => {
    if (next.kind === 'unable') {
      const note = element('span', 'badge float unable', 'unable to estimate');
      note.setAttribute('role', 'note');
      note.title = next.reason;
      note.setAttribute('aria-label', `Spendprint: unable to estimate (${next.reason})`);
      return note;
    }
    if (next.kind === 'unavailable') {
      const link = element('button', 'badge float unavailable', next.signedOut ? 'Sign in for kg CO2e' : 'estimate unavailable');
      link.setAttribute('aria-label', `Spendprint: ${next.message}`);
      if (next.signedOut) controlsOf.set(link, { click: options.onSignIn });
      return link;
    }
    const { result, medianFactor, hint } = next;
    const level = intensityLevel(result, medianFactor);
    const kg = formatKg(result.kgCO2e);
    const estimate = element('button', `badge float ${level}`, `${kg} kg CO2e`);
    estimate.setAttribute(
      'aria-label',
      `Spendprint estimate: ${kg} kilograms CO2e, ${level} emission intensity, confidence ${formatPercent(result.confidence)}` +
        `${hint?.kind === 'alternative' ? ', a lower-emission option exists on this page' : ''}. Show details`,
    );
    estimate.setAttribute('aria-expanded', 'false');
    estimate.setAttribute('aria-controls', options.panelId);
    estimate.setAttribute('data-confidence', CONFIDENCE_MARKS[confidenceBand(result.confidence)]);
    if (hint?.kind === 'lowest') estimate.append(element('span', 'hint', '↓'));
    controlsOf.set(estimate, estimateControls);
    return estimate;
  };

  return {
    update(next) {
      const wasOpen = !!panelHost;
      close(false);
      state = next;
      const built = build(next);
      button = built instanceof HTMLButtonElement && next.kind === 'estimated' ? built : undefined;
      if (badge) badge.replaceWith(built);
      else root.append(built);
      badge = built;
      if (wasOpen) open();
    },
    destroy() {
      close(false);
      badge?.remove();
    },
  };
}
