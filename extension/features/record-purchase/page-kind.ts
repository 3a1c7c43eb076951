export type PageKind = 'cart' | 'requisition' | 'order';

/**
 * Whole phrases only ("Your cart", "Purchase order PO-4471", "Requisition REQ-2211", "#1234"
 * after the word): a product called "Laptop bag" or "Mail-order catalogue" is not a cart.
 */
const PHRASES: ReadonlyArray<readonly [PageKind, RegExp]> = [
  ['requisition', /^(?:(?:your|my) )?(?:purchase )?requisitions?(?: \S*\d\S*)?$|^req[ -]?\d\S*$/i],
  ['order', /^(?:(?:your|my) )?(?:purchase )?orders?(?: \S*\d\S*)?$|^checkout$|^po[ -]?\d\S*$/i],
  ['cart', /^(?:(?:your|my) )?(?:shopping )?(?:cart|basket|bag)(?: \(\d+\))?$/i],
];

function kindOfPhrase(text: string): PageKind | undefined {
  const phrase = text.replace(/\s+/g, ' ').trim();
  return PHRASES.find(([, pattern]) => pattern.test(phrase))?.[0];
}

/** "shopping-cart", "REQ-2291.html" → "shopping cart", "REQ 2291"; a malformed %-escape stays as it is. */
function pathSegmentText(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not valid percent-encoding: judge the raw text.
  }
  return decoded.replace(/\.\w+$/, '').replace(/[-_]+/g, ' ');
}

/**
 * Whether this page is a cart, requisition or order (where "Record this purchase" belongs),
 * judged from the main heading, the parts of the title ("Shopping cart — Office Supply Co.")
 * and the path's segments — never from a mere product page.
 */
export function pageKindOf(url: URL, doc: Document): PageKind | undefined {
  const heading = doc.querySelector('h1')?.textContent ?? '';
  const titleParts = doc.title.split(/\s[—–|·:-]\s/);
  const segments = url.pathname.split('/').map(pathSegmentText);
  for (const text of [heading, ...titleParts, ...segments]) {
    const kind = kindOfPhrase(text);
    if (kind) return kind;
  }
  return undefined;
}
