import { isOwnElement } from '../line-items/host-marker';
import { emptyScan, visibleText, type ScanResult, type SiteAdapter } from '../line-items/line-item';
import { currencyContextOf } from './currency-context';
import { isWebPage } from './page-predicates';
import { productToLine, type SchemaProduct } from './schema-org-product';

const PRODUCT_SCOPE = '[itemscope][itemtype*="schema.org/Product" i]';

/** The first element carrying `itemprop` `name` that belongs to `scope` itself. */
function propElement(scope: Element, name: string): Element | undefined {
  return Array.from(scope.querySelectorAll(`[itemprop~="${name}"]`)).find(
    (element) => element.parentElement?.closest('[itemscope]') === scope,
  );
}

function propValue(scope: Element, name: string): string | undefined {
  const element = propElement(scope, name);
  if (!element) return undefined;
  if (element.hasAttribute('itemscope')) {
    return propValue(element, 'name') ?? (visibleText(element) || undefined);
  }
  const value = element.getAttribute('content') ?? element.getAttribute('value') ?? visibleText(element);
  return value.trim() || undefined;
}

function readProduct(scope: Element): { product: SchemaProduct; anchor: Element } | undefined {
  const offer = propElement(scope, 'offers');
  const offerScope = offer?.hasAttribute('itemscope') ? offer : scope;
  const priceElement = propElement(offerScope, 'price') ?? propElement(offerScope, 'lowPrice');
  const product: SchemaProduct = {};
  const assign = <K extends keyof SchemaProduct>(key: K, value: SchemaProduct[K] | undefined) => {
    if (value !== undefined) product[key] = value;
  };
  assign('name', propValue(scope, 'name'));
  assign('category', propValue(scope, 'category'));
  assign('sku', propValue(scope, 'sku'));
  assign('gtin', propValue(scope, 'gtin13') ?? propValue(scope, 'gtin'));
  assign('price', propValue(offerScope, 'price'));
  assign('lowPrice', propValue(offerScope, 'lowPrice'));
  assign('highPrice', propValue(offerScope, 'highPrice'));
  assign('priceCurrency', propValue(offerScope, 'priceCurrency'));
  assign('seller', propValue(offerScope, 'seller') ?? propValue(scope, 'brand'));
  // A hidden <meta itemprop=price> is no place for a badge: fall back to the name.
  const visibleAnchor = priceElement && priceElement.tagName !== 'META' ? priceElement : propElement(scope, 'name');
  return visibleAnchor ? { product, anchor: visibleAnchor } : undefined;
}

/** schema.org Product/Offer written as microdata (itemscope/itemprop). */
export const schemaOrgMicrodataAdapter: SiteAdapter = {
  name: 'schema-org-microdata',
  appliesTo: isWebPage,
  find(root, page): ScanResult {
    const result = emptyScan();
    const scopes = root instanceof Element && root.matches(PRODUCT_SCOPE) ? [root] : Array.from(root.querySelectorAll(PRODUCT_SCOPE));
    const currencies = currencyContextOf(page.document);
    for (const scope of scopes) {
      if (isOwnElement(scope)) continue;
      const read = readProduct(scope);
      const fields = read && productToLine(read.product, currencies);
      if (read && fields) result.lines.push({ adapter: 'schema-org-microdata', row: scope, anchor: read.anchor, fields });
    }
    return result;
  },
};
