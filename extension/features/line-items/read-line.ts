import { parsePrice, type ParsedPrice } from '../../utils/price/parse-price';
import { resolveCurrency, type CurrencyContext } from '../../utils/price/resolve-currency';
import type { ColumnMap } from './column-roles';
import { visibleText, type LineFields } from './line-item';

const MAX_DESCRIPTION = 300;
const TOTAL_LABEL = /^(grand |order |cart |basket |invoice |requisition |po )?(sub)?total\b|^total (amount|due|value)\b|^amount due\b/i;

export interface ReadLine {
  fields: LineFields;
  anchor: Element;
}

function numberIn(text: string): number | undefined {
  const match = /-?\d+(?:[.,]\d+)?/.exec(text.replace(/[\s\u00a0]/g, ''));
  return match ? Number(match[0].replace(',', '.')) : undefined;
}

function sanitizeDescription(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_DESCRIPTION);
}

/** Whether a row is a summary row ("Total", "Subtotal", "Grand total") rather than a line. */
export function isTotalRow(cells: readonly Element[]): boolean {
  return cells.some((cell) => TOTAL_LABEL.test(visibleText(cell)));
}

/**
 * Reads one line from the cells of a table or grid row mapped by header roles (the caller has
 * already set summary rows aside with `isTotalRow`).
 * Returns undefined for rows that are not purchase lines (empty description, no price).
 */
export function readLine(cells: readonly Element[], map: ColumnMap, currencies: CurrencyContext): ReadLine | undefined {
  const cell = (index: number | undefined) => (index === undefined ? undefined : cells[index]);
  const description = sanitizeDescription(visibleText(cell(map.description)));
  if (!description) return undefined;

  const amountCell = cell(map.amount);
  const unitPriceCell = cell(map.unitPrice);
  const amountPrice: ParsedPrice | undefined = amountCell ? parsePrice(visibleText(amountCell)) : undefined;
  const unitPrice: ParsedPrice | undefined = unitPriceCell ? parsePrice(visibleText(unitPriceCell)) : undefined;
  const quantityText = visibleText(cell(map.quantity)) || quantityInput(cell(map.quantity));
  const quantity = quantityText ? numberIn(quantityText) : undefined;

  let amount = amountPrice?.amount;
  if (amount === undefined && unitPrice) amount = unitPrice.amount * (quantity ?? 1);
  if (amount === undefined) return undefined;

  const currencyCell = visibleText(cell(map.currency)).toUpperCase();
  const lineCurrency = /^[A-Z]{3}$/.test(currencyCell) ? { currency: currencyCell } : (amountPrice ?? unitPrice);
  const currency = resolveCurrency(lineCurrency, currencies)?.currency;

  const fields: LineFields = { description, amount: Math.round(amount * 100) / 100 };
  if (currency) fields.currency = currency;
  if (quantity !== undefined && Number.isFinite(quantity)) fields.quantity = quantity;
  if (unitPrice) fields.unitPrice = unitPrice.amount;
  const supplier = sanitizeDescription(visibleText(cell(map.supplier)));
  if (supplier) fields.supplier = supplier.slice(0, 120);
  const date = visibleText(cell(map.date));
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) fields.date = date;
  const glAccount = visibleText(cell(map.glAccount));
  if (glAccount) fields.glAccount = glAccount.slice(0, 40);
  const naics = visibleText(cell(map.naics));
  if (/^\d{2,6}$/.test(naics)) fields.naics = naics;

  const anchor = (amountPrice ? amountCell : unitPriceCell) ?? amountCell ?? unitPriceCell!;
  return { fields, anchor };
}

function quantityInput(cell: Element | undefined): string {
  const input = cell?.querySelector('input');
  return input ? (input as HTMLInputElement).value : '';
}
