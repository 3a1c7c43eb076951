import { collapseWhitespace } from '../../utils/text';

/** The fields of a purchase line that may leave the page — nothing else ever does. */
export interface LineFields {
  description: string;
  amount?: number;
  currency?: string;
  date?: string;
  supplier?: string;
  glAccount?: string;
  quantity?: number;
  unitPrice?: number;
  naics?: string;
}

/** A purchase line found on the page by an adapter. */
export interface FoundLine {
  adapter: string;
  /** The element that represents the whole line (a row, a product block). */
  row: Element;
  /** The element beside which the badge goes (the price). */
  anchor: Element;
  fields: LineFields;
}

/** A total printed by the page (a cart or order total), beside which the page's kg total goes. */
export interface FoundTotal {
  adapter: string;
  anchor: Element;
  /** The lines this total sums are those inside `scope` (a table, a grid, or the document). */
  scope: Element | Document;
}

export interface ScanResult {
  lines: FoundLine[];
  totals: FoundTotal[];
}

export interface PageContext {
  url: URL;
  document: Document;
}

/**
 * A generic site adapter: a page predicate and a finder that works on any subtree, so the
 * mutation observer can hand it just the added nodes.
 */
export interface SiteAdapter {
  name: string;
  appliesTo(page: PageContext): boolean;
  /** Lines (and totals) inside `root`, which is the document or a newly added element. */
  find(root: Document | Element, page: PageContext): ScanResult;
}

export const emptyScan = (): ScanResult => ({ lines: [], totals: [] });

/** Collapses whitespace and trims. textContent, not innerText: reading it forces no layout. */
export function visibleText(element: Element | null | undefined): string {
  return element ? collapseWhitespace(element.textContent ?? '') : '';
}
