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
const hostTemplates = new Map<HostKind, HTMLElement>();

/**
 * An inline host element with an open shadow root (page styles cannot reach inside; tests and
 * RPA tools can). One constructed stylesheet is shared by every badge. Hosts are clones of one
 * prepared element per kind (one call instead of creating and marking each).
 */
export function createShadowHost(kind: HostKind): ShadowHost {
  let template = hostTemplates.get(kind);
  if (!template) {
    template = document.createElement('span');
    template.setAttribute(HOST_ATTRIBUTE, kind);
    hostTemplates.set(kind, template);
  }
  const host = template.cloneNode(false) as HTMLElement;
  // The host's own box (zero width, so the page does not shift) is styled by `:host` in
  // BADGE_CSS, with !important, rather than by an inline style parsed once per badge.
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
