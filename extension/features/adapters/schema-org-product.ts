import type { LineFields } from '../line-items/line-item';
import { parsePrice } from '../../utils/price/parse-price';
import { resolveCurrency, type CurrencyContext } from '../../utils/price/resolve-currency';

/** What the schema.org adapters read from a Product and its Offer, whatever the syntax. */
export interface SchemaProduct {
  name?: string;
  category?: string;
  sku?: string;
  gtin?: string;
  price?: string | number;
  lowPrice?: string | number;
  highPrice?: string | number;
  priceCurrency?: string;
  seller?: string;
}

function toAmount(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // schema.org wants a plain decimal with a dot, but pages also write "$12.00".
  const plain = Number(value.trim());
  return Number.isFinite(plain) ? plain : parsePrice(value)?.amount;
}

/** Line fields for a Product/Offer; undefined when it has no name or no price. */
export function productToLine(product: SchemaProduct, currencies: CurrencyContext): LineFields | undefined {
  const name = product.name?.replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  let amount = toAmount(product.price);
  if (amount === undefined) {
    const low = toAmount(product.lowPrice);
    const high = toAmount(product.highPrice);
    if (low !== undefined && high !== undefined) amount = (low + high) / 2;
    else amount = low ?? high;
  }
  if (amount === undefined) return undefined;
  const category = product.category?.replace(/\s+/g, ' ').trim();
  const description = (category && !name.toLowerCase().includes(category.toLowerCase()) ? `${name} (${category})` : name).slice(0, 300);
  const written = product.priceCurrency?.trim().toUpperCase();
  const textCurrency = typeof product.price === 'string' ? parsePrice(product.price) : undefined;
  const lineCurrency = written && /^[A-Z]{3}$/.test(written) ? { currency: written } : textCurrency;
  const fields: LineFields = { description, amount };
  const currency = resolveCurrency(lineCurrency, currencies)?.currency;
  if (currency) fields.currency = currency;
  if (product.seller?.trim()) fields.supplier = product.seller.trim().slice(0, 120);
  return fields;
}
