import { emptyScan, visibleText, type ScanResult, type SiteAdapter } from '../line-items/line-item';
import { parsePrice } from '../../utils/price/parse-price';
import { currencyContextOf } from './currency-context';
import { isWebPage } from './page-predicates';
import { productToLine, type SchemaProduct } from './schema-org-product';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const PRICE_CANDIDATES = '[itemprop="price"], [data-price], [class*="price" i], [id*="price" i]';
const MAX_NODES = 2000;

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

/** A visible element showing this price, else the heading naming the product. */
function findAnchor(doc: Document, name: string, amount: number): Element | undefined {
  for (const candidate of Array.from(doc.querySelectorAll(PRICE_CANDIDATES))) {
    if (candidate.tagName === 'META' || candidate.children.length > 2) continue;
    const shown = parsePrice(visibleText(candidate));
    if (shown && Math.abs(shown.amount - amount) < 0.005) return candidate;
  }
  return Array.from(doc.querySelectorAll('h1, h2')).find((heading) => visibleText(heading).includes(name));
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
        const anchor = fields && findAnchor(page.document, product.name ?? '', fields.amount ?? NaN);
        if (fields && anchor) result.lines.push({ adapter: 'schema-org-json-ld', row: anchor, anchor, fields });
      }
    }
    return result;
  },
};
