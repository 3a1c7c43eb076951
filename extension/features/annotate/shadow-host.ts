import { BADGE_CSS } from '../../components/badge-styles';
import { HOST_ATTRIBUTE } from '../line-items/host-marker';

let sharedSheet: CSSStyleSheet | undefined | null;

function styleSheet(): CSSStyleSheet | null {
  if (sharedSheet !== undefined) return sharedSheet;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
    sharedSheet = sheet;
  } catch {
    sharedSheet = null;
  }
  return sharedSheet;
}

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

type HostKind = 'line' | 'total' | 'record';

/** An inline host element, marked as the extension's own (the scanner skips it). */
export function createHost(kind: HostKind): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, kind);
  return host;
}

/**
 * An open shadow root on `host` (page styles cannot reach inside; tests and RPA tools can), with
 * the one constructed stylesheet every badge shares.
 */
export function attachBadgeRoot(host: HTMLElement): ShadowRoot {
  // The host's own box (zero width, so the page does not shift) is styled by `:host` in
  // BADGE_CSS, with !important, which inside a shadow tree wins even over a page's !important.
  const root = host.attachShadow({ mode: 'open' });
  const sheet = styleSheet();
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    root.append(style);
  }
  return root;
}

/** A host with its shadow root attached at once: the page total and "Record this purchase". */
export function createShadowHost(kind: HostKind): ShadowHost {
  const host = createHost(kind);
  return { host, root: attachBadgeRoot(host) };
}
