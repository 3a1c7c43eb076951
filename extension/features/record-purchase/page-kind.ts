export type PageKind = 'cart' | 'requisition' | 'order';

const PATTERNS: ReadonlyArray<readonly [PageKind, RegExp]> = [
  ['requisition', /\brequisitions?\b|\breq[-_ ]?\d/i],
  ['order', /\bpurchase[-_ ]?orders?\b|\bpo[-_ ]?\d|\border(s)?\b|\bcheckout\b/i],
  ['cart', /\bcart\b|\bbasket\b|\bbag\b/i],
];

/**
 * Whether this page is a cart, requisition or order (where "Record this purchase" belongs),
 * judged from the path, the title and the main heading — never from a mere product page.
 */
export function pageKindOf(url: URL, doc: Document): PageKind | undefined {
  const heading = doc.querySelector('h1')?.textContent ?? '';
  const haystacks = [heading, doc.title, decodeURIComponent(url.pathname).replace(/[/.]/g, ' ')];
  for (const text of haystacks) {
    for (const [kind, pattern] of PATTERNS) if (pattern.test(text)) return kind;
  }
  return undefined;
}
