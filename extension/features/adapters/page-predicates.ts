import type { PageContext } from '../line-items/line-item';

/** Generic adapters run on any web page (never on the extension's own pages). */
export function isWebPage(page: PageContext): boolean {
  return page.url.protocol === 'https:' || page.url.protocol === 'http:';
}
