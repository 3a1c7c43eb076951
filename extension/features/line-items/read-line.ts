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

/** visibleText has already collapsed whitespace: only the length is left to bound. */
function sanitizeDescription(text: string): string {
  return text.slice(0, MAX_DESCRIPTION).trim();
}

/** A row's cells by column and their visible texts, each text read once per scan. */
export interface RowCells {
  cells: readonly (Element | undefined)[];
  texts: readonly string[];
}

export function rowCells(cells: readonly (Element | undefined)[]): RowCells {
  return { cells, texts: cells.map((cell) => visibleText(cell)) };
}

/** Whether a row is a summary row ("Total", "Subtotal", "Grand total") rather than a line. */
export function isTotalRow({ texts }: RowCells): boolean {
  return texts.some((text) => TOTAL_LABEL.test(text));
}

/** The last cell that reads as a price (where a total row's badge goes). */
export function lastPriceCell({ cells, texts }: RowCells): Element | undefined {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] && parsePrice(texts[i]!) !== undefined) return cells[i];
  return undefined;
}

/**
 * Reads one line from the cells of a table or grid row mapped by header roles (the caller has
 * already set summary rows aside with `isTotalRow`).
 * Returns undefined for rows that are not purchase lines (empty description, no price).
 */
export function readLine({ cells, texts }: RowCells, map: ColumnMap, currencies: CurrencyContext): ReadLine | undefined {
  const cell = (index: number | undefined) => (index === undefined ? undefined : cells[index]);
  const text = (index: number | undefined) => (index === undefined ? '' : (texts[index] ?? ''));
  const description = sanitizeDescription(text(map.description));
  if (!description) return undefined;

  const amountCell = cell(map.amount);
  const unitPriceCell = cell(map.unitPrice);
  const amountPrice: ParsedPrice | undefined = amountCell ? parsePrice(text(map.amount)) : undefined;
  const unitPrice: ParsedPrice | undefined = unitPriceCell ? parsePrice(text(map.unitPrice)) : undefined;
  const quantityText = text(map.quantity) || quantityInput(cell(map.quantity));
  const quantity = quantityText ? numberIn(quantityText) : undefined;

  let amount = amountPrice?.amount;
  if (amount === undefined && unitPrice) amount = unitPrice.amount * (quantity ?? 1);
  if (amount === undefined) return undefined;

  const currencyCell = text(map.currency).toUpperCase();
  const lineCurrency = /^[A-Z]{3}$/.test(currencyCell) ? { currency: currencyCell } : (amountPrice ?? unitPrice);
  const currency = resolveCurrency(lineCurrency, currencies)?.currency;

  const fields: LineFields = { description, amount: Math.round(amount * 100) / 100 };
  if (currency) fields.currency = currency;
  if (quantity !== undefined && Number.isFinite(quantity)) fields.quantity = quantity;
  if (unitPrice) fields.unitPrice = unitPrice.amount;
  const supplier = sanitizeDescription(text(map.supplier));
  if (supplier) fields.supplier = supplier.slice(0, 120);
  const date = text(map.date);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) fields.date = date;
  const glAccount = text(map.glAccount);
  if (glAccount) fields.glAccount = glAccount.slice(0, 40);
  const naics = text(map.naics);
  if (/^\d{2,6}$/.test(naics)) fields.naics = naics;

  const anchor = (amountPrice ? amountCell : unitPriceCell) ?? amountCell ?? unitPriceCell!;
  return { fields, anchor };
}

function quantityInput(cell: Element | undefined): string {
  const input = cell?.querySelector('input');
  return input ? (input as HTMLInputElement).value : '';
}
