import { emptyScan, visibleText, type LineFields, type ScanResult, type SiteAdapter } from '../line-items/line-item';
import { parsePrice } from '../../utils/price/parse-price';
import { collapseWhitespace } from '../../utils/text';
import { currencyContextOf } from './currency-context';
import { isWebPage } from './page-predicates';
import { productToLine, type SchemaProduct } from './schema-org-product';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const PRICE_CANDIDATES = '[itemprop="price"], [data-price], [class*="price" i], [id*="price" i]';
const MAX_NODES = 2000;
/** How far up from a price to look for the product's name (a product card is a few levels deep). */
const MAX_STEPS_TO_NAME = 4;

function hasType(node: Json, type: string): boolean {
  const declared = node['@type'];
  return Array.isArray(declared) ? declared.includes(type) : declared === type;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isObject(value) && typeof value.name === 'string') return value.name;
  return undefined;
}

function scalar(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** Every Product node in a JSON-LD document, however deeply nested (@graph, ItemList …). */
function collectProducts(root: unknown): Json[] {
  const products: Json[] = [];
  const queue: unknown[] = [root];
  let visited = 0;
  while (queue.length > 0 && visited++ < MAX_NODES) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (isObject(node)) {
      if (hasType(node, 'Product')) products.push(node);
      else queue.push(...Object.values(node));
    }
  }
  return products;
}

function toSchemaProduct(node: Json): SchemaProduct {
  const offers = Array.isArray(node.offers) ? node.offers[0] : node.offers;
  const offer: Json = isObject(offers) ? offers : {};
  const product: SchemaProduct = {};
  const entries: Array<[keyof SchemaProduct, string | number | undefined]> = [
    ['name', text(node.name)],
    ['category', text(node.category)],
    ['sku', text(node.sku)],
    ['gtin', text(node.gtin13 ?? node.gtin ?? node.gtin12 ?? node.gtin8)],
    ['price', scalar(offer.price)],
    ['lowPrice', scalar(offer.lowPrice)],
    ['highPrice', scalar(offer.highPrice)],
    ['priceCurrency', text(offer.priceCurrency)],
    ['seller', text(offer.seller) ?? text(node.brand)],
  ];
  for (const [key, value] of entries) if (value !== undefined) (product as Record<string, unknown>)[key] = value;
  return product;
}

/**
 * A visible element showing this price, not taken by another product, the nearest to the
 * product's name (several products may cost the same); else the heading naming the product.
 */
function findAnchor(doc: Document, name: string, line: LineFields, taken: Set<Element>): Element | undefined {
  const prices = Array.from(doc.querySelectorAll(PRICE_CANDIDATES)).filter(
    (candidate) => !taken.has(candidate) && showsPrice(candidate, line),
  );
  if (prices.length > 0) return nearestToName(prices, name);
  return Array.from(doc.querySelectorAll('h1, h2')).find((heading) => !taken.has(heading) && visibleText(heading).includes(name));
}

function showsPrice(candidate: Element, line: LineFields): boolean {
  if (candidate.tagName === 'META' || candidate.children.length > 2) return false;
  const shown = parsePrice(visibleText(candidate), line.currency);
  return shown !== undefined && Math.abs(shown.amount - (line.amount ?? NaN)) < 0.005;
}

/** The element with the fewest steps up to an ancestor naming the product; the first on a tie. */
function nearestToName(elements: Element[], name: string): Element {
  let nearest = elements[0]!;
  let fewestSteps = Infinity;
  for (const element of elements) {
    const steps = stepsToName(element, name);
    if (steps < fewestSteps) {
      nearest = element;
      fewestSteps = steps;
    }
  }
  return nearest;
}

function stepsToName(element: Element, name: string): number {
  let ancestor: Element | null = element;
  for (let steps = 0; ancestor && steps <= MAX_STEPS_TO_NAME; steps++, ancestor = ancestor.parentElement) {
    if (visibleText(ancestor).includes(name)) return steps;
  }
  return Infinity;
}

function scripts(root: Document | Element): HTMLScriptElement[] {
  const selector = 'script[type="application/ld+json"]';
  if (root instanceof HTMLScriptElement) return root.matches(selector) ? [root] : [];
  return Array.from(root.querySelectorAll<HTMLScriptElement>(selector));
}

/** schema.org Product/Offer in JSON-LD script blocks. */
export const schemaOrgJsonLdAdapter: SiteAdapter = {
  name: 'schema-org-json-ld',
  appliesTo: isWebPage,
  find(root, page): ScanResult {
    const result = emptyScan();
    const currencies = currencyContextOf(page.document);
    const taken = new Set<Element>();
    for (const script of scripts(root)) {
      let data: unknown;
      try {
        data = JSON.parse(script.textContent ?? '');
      } catch {
        continue; // malformed JSON-LD is common; never break the page over it
      }
      for (const node of collectProducts(data)) {
        const product = toSchemaProduct(node);
        const fields = productToLine(product, currencies);
        const anchor = fields && findAnchor(page.document, collapseWhitespace(product.name ?? ''), fields, taken);
        if (!fields || !anchor) continue;
        taken.add(anchor);
        result.lines.push({ adapter: 'schema-org-json-ld', row: anchor, anchor, fields });
      }
    }
    return result;
  },
};
