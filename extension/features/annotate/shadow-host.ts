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

/**
 * An inline host element with an open shadow root (page styles cannot reach inside; tests and
 * RPA tools can). One constructed stylesheet is shared by every badge.
 */
export function createShadowHost(kind: 'line' | 'total' | 'record'): ShadowHost {
  const host = document.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, kind);
  // Zero-width host: the badge floats beside the price without widening the cell, so the page
  // does not shift (cumulative layout shift stays under 0.01 even in right-aligned columns).
  host.style.cssText = 'all: initial; display: inline-block; position: relative; width: 0; height: 1em; vertical-align: baseline;';
  const root = host.attachShadow({ mode: 'open' });
  const sheet = styleSheet();
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    root.append(style);
  }
  return { host, root };
}
