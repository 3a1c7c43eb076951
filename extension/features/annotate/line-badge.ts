import { createElement, render } from 'preact';
import type { BadgeState } from '../../components/badge-state';
import { EstimatePanel } from '../../components/estimate-panel';
import { formatKg, formatPercent } from '../../utils/format';
import { confidenceBand, intensityLevel, type ConfidenceBand, type IntensityLevel } from '../../utils/intensity';
import { HOST_ATTRIBUTE } from '../line-items/host-marker';
import { whenNearViewport } from './near-viewport';
import { attachBadgeRoot, createHost } from './shadow-host';

export interface LineBadgeOptions {
  /**
   * The element the host is placed in (the line's price). A waiting host has no box of its own,
   * so this is what is watched for nearing the viewport.
   */
  anchor: Element;
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

/** What a screen reader says for the badge (on the badge, or on its host until the badge is drawn). */
function accessibleName(state: BadgeState): string {
  if (state.kind === 'unable') return `Spendprint: unable to estimate (${state.reason})`;
  if (state.kind === 'unavailable') return `Spendprint: ${state.message}`;
  const { result, medianFactor, hint } = state;
  return (
    `Spendprint estimate: ${formatKg(result.kgCO2e)} kilograms CO2e, ${intensityLevel(result, medianFactor)} emission intensity, ` +
    `confidence ${formatPercent(result.confidence)}${hint?.kind === 'alternative' ? ', a lower-emission option exists on this page' : ''}. Show details`
  );
}

/** Each badge element's view (or a waiting host's), found from an event's target by the delegated listeners. */
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
        const badge = target instanceof Element ? (target.closest('.badge') ?? target) : null;
        const view = badge && viewOf.get(badge);
        if (view) run(view, event);
      },
      true,
    );
  on('pointerdown', (view) => view.pointerDown());
  on('focusin', (view) => view.focusIn());
  on('click', (view, event) => view.click(event));
  // Printing lays out the whole page, and a badge not drawn yet has no text to print.
  addEventListener('beforeprint', () => {
    for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}="line"][role]`)) viewOf.get(host)?.draw();
  });
}

/**
 * Draws the first waiting badge after `host` in document order. A waiting host has no box, so
 * Tab passes over it; drawn when the badge before it gets focus, the next line's badge is there
 * for Tab however far below it stands.
 */
function drawNextWaiting(host: Element): void {
  for (const waiting of document.querySelectorAll(`[${HOST_ATTRIBUTE}="line"][role="button"]`)) {
    if (host.compareDocumentPosition(waiting) & Node.DOCUMENT_POSITION_FOLLOWING) {
      viewOf.get(waiting)?.draw();
      return;
    }
  }
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
 *
 * A badge is drawn (its shadow root attached, its element built) only when its line nears the
 * viewport: on a 500-line page most badges are far below the fold, and drawing them all cost the
 * page ≈ 10 ms more (script and rendering). Until then the host, which has no box (see
 * createLineHost), stands for the badge in the accessibility tree with the same role and name, so
 * screen readers find every estimate; activating it draws the badge at once. Keyboard users reach
 * drawn badges: they are drawn a viewport ahead of the visible area, and a focused badge draws the
 * next line's (see drawNextWaiting), so Tab finds it.
 */
class LineBadgeView implements LineBadge {
  private root: ShadowRoot | undefined;
  private stopWaiting = () => {};
  /** The role the waiting host has (a fresh host from createLineHost is a button). */
  private waitingRole: 'button' | 'note' = 'button';
  private state: BadgeState | undefined;
  private badge: HTMLElement | undefined;
  private button: HTMLButtonElement | undefined;
  private panel: OpenPanel | undefined;
  private pointerFocus = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly options: LineBadgeOptions,
  ) {
    viewOf.set(host, this);
    this.stopWaiting = whenNearViewport(options.anchor, () => this.draw());
  }

  update(next: BadgeState): void {
    const wasOpen = !!this.panel;
    this.close(false);
    this.state = next;
    if (!this.root) {
      this.describeWaiting(next);
      return;
    }
    const built = this.build(next);
    this.button = next.kind === 'estimated' ? (built as HTMLButtonElement) : undefined;
    if (this.badge) this.badge.replaceWith(built);
    else this.root.append(built);
    this.badge = built;
    if (wasOpen) this.open();
  }

  destroy(): void {
    this.stopWaiting();
    this.close(false);
    this.badge?.remove();
  }

  /** The host's role, tab stop and name while the badge is not drawn yet. */
  private describeWaiting(state: BadgeState): void {
    const { host } = this;
    const role = state.kind === 'unable' ? 'note' : 'button';
    if (role !== this.waitingRole) {
      this.waitingRole = role;
      host.setAttribute('role', role);
      if (role === 'note') host.removeAttribute('tabindex');
      else host.tabIndex = 0;
    }
    host.setAttribute('aria-label', accessibleName(state));
  }

  /** Attaches the shadow root and draws the badge; the host hands its role and name over to it. */
  draw(): void {
    if (this.root) return;
    const { host } = this;
    this.stopWaiting();
    viewOf.delete(host);
    this.root = attachBadgeRoot(host);
    host.style.removeProperty('display');
    host.removeAttribute('role');
    host.removeAttribute('tabindex');
    host.removeAttribute('aria-label');
    if (this.state) this.update(this.state);
  }

  pointerDown(): void {
    if (this.button) this.pointerFocus = true;
  }

  focusIn(): void {
    if (!this.root) {
      // Keyboard focus reached a badge not drawn yet: draw it and move focus onto it.
      this.draw();
      this.badge?.focus();
      return;
    }
    drawNextWaiting(this.host);
    if (!this.button) return;
    if (!this.pointerFocus) this.open();
    this.pointerFocus = false;
  }

  click(event: Event): void {
    this.draw(); // a screen reader may activate a badge not drawn yet
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
    } else if (next.kind === 'unavailable') {
      built = clone(unavailable);
      built.textContent = next.signedOut ? 'Sign in for kg CO2e' : 'estimate unavailable';
    } else {
      const { result, medianFactor, hint } = next;
      built = clone(estimateTemplate(intensityLevel(result, medianFactor), confidenceBand(result.confidence)));
      built.textContent = `${formatKg(result.kgCO2e)} kg CO2e`;
      if (hint?.kind === 'lowest') built.append(element('span', 'hint', '↓'));
    }
    built.setAttribute('aria-label', accessibleName(next));
    viewOf.set(built, this);
    return built;
  }

  private open(): void {
    const { state, button, root, host } = this;
    if (this.panel || state?.kind !== 'estimated' || !button || !root) return;
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

let lineHostTemplate: HTMLElement | undefined;

/**
 * A line's host as it waits to be drawn: a button without a box (display: contents). 500 hosts
 * with boxes in the page's cells made the browser lay the whole table out again (≈ 15 ms of
 * rendering); hosts without one change nothing to lay out until they are drawn. The style is
 * inline and !important, which no page rule overrides (`td > * { display: block !important }`),
 * while the drawn badge's `:host` rule, !important inside the shadow tree, does. Chromium still
 * exposes a box-less button to assistive technology with its name, but
 * does not focus it; the tab stop serves browsers that do. Hosts are clones of one prepared
 * element, which carries the mark, style, role and tab stop, so 500 waiting badges cost one call
 * each for those and one for their name (see describeWaiting).
 */
export function createLineHost(): HTMLElement {
  if (!lineHostTemplate) {
    lineHostTemplate = createHost('line');
    lineHostTemplate.style.setProperty('display', 'contents', 'important');
    lineHostTemplate.setAttribute('role', 'button');
    lineHostTemplate.tabIndex = 0;
  }
  return lineHostTemplate.cloneNode(false) as HTMLElement;
}

/** Mounts a line's badge on its host (see createLineHost); `update` sets each state. */
export function mountLineBadge(host: HTMLElement, options: LineBadgeOptions): LineBadge {
  delegateBadgeEvents();
  return new LineBadgeView(host, options);
}
