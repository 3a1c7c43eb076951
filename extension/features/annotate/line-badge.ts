import { createElement, render } from 'preact';
import type { BadgeState } from '../../components/badge-state';
import { EstimatePanel } from '../../components/estimate-panel';
import { formatKg, formatPercent } from '../../utils/format';
import { confidenceBand, intensityLevel, type ConfidenceBand, type IntensityLevel } from '../../utils/intensity';

export interface LineBadgeOptions {
  onCorrect(suggestedNaics: string): Promise<boolean>;
  onSignIn(): void;
}

export interface LineBadge {
  update(state: BadgeState): void;
  destroy(): void;
}

const CONFIDENCE_MARKS = { high: '●●●', medium: '●●○', low: '●○○' } as const;
/** The intensity without colour (WCAG 1.4.1); the word itself is in the badge's accessible name. */
export const INTENSITY_MARKS = { low: '▼', typical: '◆', high: '▲' } as const;
/**
 * The id of a badge's details panel. IDs resolve within a shadow root, and each badge has its
 * own root with at most one panel, so one fixed id serves every badge (and is in the template).
 */
const PANEL_ID = 'spendprint-panel';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Prepared badge elements, cloned per badge: one clone costs the page less than creating an
 * element and setting its class and fixed attributes one call at a time, 500 times.
 * No `type="button"` on the buttons: inside a shadow root they have no form to submit.
 */
interface BadgeTemplates {
  /** By intensity level and confidence band. */
  estimate: Map<string, HTMLButtonElement>;
  unable: HTMLElement;
  unavailable: HTMLButtonElement;
}
let templates: BadgeTemplates | undefined;

function badgeTemplates(): BadgeTemplates {
  if (templates) return templates;
  const unable = element('span', 'badge float unable', 'unable to estimate');
  unable.setAttribute('role', 'note');
  templates = { estimate: new Map(), unable, unavailable: element('button', 'badge float unavailable') };
  return templates;
}

function estimateTemplate(level: IntensityLevel, band: ConfidenceBand): HTMLButtonElement {
  const { estimate } = badgeTemplates();
  const key = `${level}:${band}`;
  let button = estimate.get(key);
  if (!button) {
    button = element('button', `badge float ${level}`);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', PANEL_ID);
    button.setAttribute('data-intensity', INTENSITY_MARKS[level]);
    button.setAttribute('data-confidence', CONFIDENCE_MARKS[band]);
    estimate.set(key, button);
  }
  return button;
}

const clone = <T extends Element>(template: T) => template.cloneNode(true) as T;

/** Each badge element's view, found from an event's target by the delegated listeners. */
const viewOf = new WeakMap<Element, LineBadgeView>();
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
  const on = (type: string, run: (view: LineBadgeView, event: Event) => void) =>
    document.addEventListener(
      type,
      (event) => {
        const target = event.composedPath()[0];
        const badge = target instanceof Element ? target.closest('.badge') : null;
        const view = badge && viewOf.get(badge);
        if (view) run(view, event);
      },
      true,
    );
  on('pointerdown', (view) => view.pointerDown());
  on('focusin', (view) => view.focusIn());
  on('click', (view, event) => view.click(event));
}

/** The listeners that live only while a badge's panel is open. */
interface OpenPanel {
  element: HTMLElement;
  detach(): void;
}

/**
 * The inline badge beside one price. Built with plain DOM, from cloned templates, with as few
 * elements as possible (one element per badge: its text, and its intensity and confidence marks
 * drawn by CSS from attributes) and no listeners or closures of its own (see
 * delegateBadgeEvents), because 500 of them must cost only a few milliseconds to build and to lay
 * out. The details panel is a Preact component mounted only while it is open. Click or keyboard focus opens the panel;
 * Escape, the close button or a click elsewhere closes it.
 */
class LineBadgeView implements LineBadge {
  private state: BadgeState | undefined;
  private badge: HTMLElement | undefined;
  private button: HTMLButtonElement | undefined;
  private panel: OpenPanel | undefined;
  private pointerFocus = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly root: ShadowRoot,
    private readonly options: LineBadgeOptions,
  ) {}

  update(next: BadgeState): void {
    const wasOpen = !!this.panel;
    this.close(false);
    this.state = next;
    const built = this.build(next);
    this.button = next.kind === 'estimated' ? (built as HTMLButtonElement) : undefined;
    if (this.badge) this.badge.replaceWith(built);
    else this.root.append(built);
    this.badge = built;
    if (wasOpen) this.open();
  }

  destroy(): void {
    this.close(false);
    this.badge?.remove();
  }

  pointerDown(): void {
    if (this.button) this.pointerFocus = true;
  }

  focusIn(): void {
    if (!this.button) return;
    if (!this.pointerFocus) this.open();
    this.pointerFocus = false;
  }

  click(event: Event): void {
    if (this.state?.kind === 'unavailable') {
      // Opens the options page: for the user's own click only, never a page script's (see onTrusted).
      if (this.state.signedOut && event.isTrusted) this.options.onSignIn();
      return;
    }
    if (!this.button) return;
    this.pointerFocus = false; // focus may not have moved (it was already inside the badge)
    if (this.panel) this.close(false);
    else this.open();
  }

  private build(next: BadgeState): HTMLElement {
    const { unable, unavailable } = badgeTemplates();
    let built: HTMLElement;
    if (next.kind === 'unable') {
      built = clone(unable);
      built.title = next.reason;
      built.setAttribute('aria-label', `Spendprint: unable to estimate (${next.reason})`);
    } else if (next.kind === 'unavailable') {
      built = clone(unavailable);
      built.textContent = next.signedOut ? 'Sign in for kg CO2e' : 'estimate unavailable';
      built.setAttribute('aria-label', `Spendprint: ${next.message}`);
    } else {
      const { result, medianFactor, hint } = next;
      const level = intensityLevel(result, medianFactor);
      const kg = formatKg(result.kgCO2e);
      built = clone(estimateTemplate(level, confidenceBand(result.confidence)));
      built.textContent = `${kg} kg CO2e`;
      built.setAttribute(
        'aria-label',
        `Spendprint estimate: ${kg} kilograms CO2e, ${level} emission intensity, confidence ${formatPercent(result.confidence)}` +
          `${hint?.kind === 'alternative' ? ', a lower-emission option exists on this page' : ''}. Show details`,
      );
      if (hint?.kind === 'lowest') built.append(element('span', 'hint', '↓'));
    }
    viewOf.set(built, this);
    return built;
  }

  private open(): void {
    const { state, button, root, host } = this;
    if (this.panel || state?.kind !== 'estimated' || !button) return;
    const panelElement = element('span', '');
    root.append(panelElement);
    const { result, hint } = state;
    render(
      createElement(EstimatePanel, { id: PANEL_ID, result, hint, onClose: () => this.close(true), onCorrect: this.options.onCorrect }),
      panelElement,
    );
    button.setAttribute('aria-expanded', 'true');
    // Only the open badge is raised: closed ones stay below the page's own overlays.
    host.style.setProperty('z-index', '2147483647', 'important');
    const onOutsidePointer = (event: PointerEvent) => {
      if (!event.composedPath().includes(host)) this.close(false);
    };
    const onKeyDown = (event: Event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.close(true);
    };
    const onFocusOut = (event: Event) => {
      // relatedTarget is null when the focused control is replaced inside the panel: stay open.
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (next && !root.contains(next)) this.close(false);
    };
    document.addEventListener('pointerdown', onOutsidePointer, true);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusout', onFocusOut);
    this.panel = {
      element: panelElement,
      detach: () => {
        document.removeEventListener('pointerdown', onOutsidePointer, true);
        root.removeEventListener('keydown', onKeyDown);
        root.removeEventListener('focusout', onFocusOut);
      },
    };
  }

  private close(returnFocus: boolean): void {
    const { panel } = this;
    if (!panel) return;
    this.panel = undefined;
    render(null, panel.element);
    panel.element.remove();
    panel.detach();
    this.button?.setAttribute('aria-expanded', 'false');
    this.host.style.removeProperty('z-index');
    if (returnFocus) this.button?.focus();
  }
}

/** Mounts a line's badge into its (still empty) shadow root; `update` draws each state. */
export function mountLineBadge(host: HTMLElement, root: ShadowRoot, options: LineBadgeOptions): LineBadge {
  delegateBadgeEvents();
  return new LineBadgeView(host, root, options);
}
