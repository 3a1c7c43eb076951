import { ISO_CURRENCIES } from '../../utils/price/currency-markers';
import { decimalMarkOf, parseLocalizedNumber, type DecimalMark } from '../../utils/price/parse-number';
import { parsePrice, type ParsedPrice } from '../../utils/price/parse-price';
import { resolveCurrency, type CurrencyContext } from '../../utils/price/resolve-currency';
import type { ColumnMap } from './column-roles';
import { visibleText, type LineFields } from './line-item';

const MAX_DESCRIPTION = 300;
const TOTAL_LABEL = /^(grand |order |cart |basket |invoice |requisition |po )?(sub)?total\b|^total (amount|due|value)\b|^amount due\b/i;
/** Words that may follow a total label in its cell: "Total incl. VAT", "Subtotal (3 items)". */
const TOTAL_QUALIFIER = /^(?:incl|excl|including|excluding|vat|tax|taxes|gst|net|gross|items?|amount|due|value|shipping)$/i;
const STRUCK = 'del, s, strike';

export interface ReadLine {
  fields: LineFields;
  anchor: Element;
}

/** The first number in a quantity cell ("1,000", "12 pcs", "-2"). */
function quantityIn(text: string, decimalMark: DecimalMark): number | undefined {
  const match = /(-?)(\d+(?:[.,'’]\d+)*)/.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!match) return undefined;
  const value = parseLocalizedNumber(match[2]!, false, decimalMark);
  return value !== undefined && match[1] ? -value : value;
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
  return texts.some(isTotalLabel);
}

/**
 * A cell that names a total: the label, then at most qualifiers, a currency code or the amount
 * ("Total: $1,584.56"). "Total Gym exercise machine" or a supplier "Total Energies" is no label.
 */
function isTotalLabel(text: string): boolean {
  const label = TOTAL_LABEL.exec(text);
  if (!label) return false;
  const wordsAfter = text.slice(label[0].length).match(/\p{L}+/gu) ?? [];
  return wordsAfter.every((word) => TOTAL_QUALIFIER.test(word) || ISO_CURRENCIES.has(word));
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

  const currencyCell = text(map.currency).toUpperCase();
  const currencyColumn = /^[A-Z]{3}$/.test(currencyCell) ? currencyCell : undefined;
  // The user's default currency says nothing about how this page writes its numbers.
  const numbers = { currency: currencyColumn ?? currencies.page ?? currencies.locale, decimalMark: currencies.decimalMark };
  const amountCell = cell(map.amount);
  const unitPriceCell = cell(map.unitPrice);
  const amountPrice = amountCell ? priceIn(amountCell, text(map.amount), numbers) : undefined;
  const unitPrice = unitPriceCell ? priceIn(unitPriceCell, text(map.unitPrice), numbers) : undefined;
  const quantityText = text(map.quantity) || quantityInput(cell(map.quantity));
  const quantity = quantityText ? quantityIn(quantityText, numbers.decimalMark ?? decimalMarkOf(numbers.currency)) : undefined;

  let amount = amountPrice?.amount;
  if (amount === undefined && unitPrice) amount = unitPrice.amount * (quantity ?? 1);
  if (amount === undefined) return undefined;

  const lineCurrency = currencyColumn ? { currency: currencyColumn } : amountPrice?.currency ? amountPrice : unitPrice;
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

/** How the page writes numbers: its decimal mark if its language says, else its currency's habit. */
interface NumberHabit {
  currency: string | undefined;
  decimalMark: DecimalMark | undefined;
}

/** A sale price cell ("<s>$180.00</s> $150.00"): the price charged is the one not struck through. */
function priceIn(cell: Element, text: string, numbers: NumberHabit): ParsedPrice | undefined {
  // Most price cells hold only text: they skip the search (this runs for every row).
  const hasStruck = cell.firstElementChild !== null && cell.querySelector(STRUCK) !== null;
  return parsePrice(hasStruck ? textWithoutStruck(cell) : text, numbers.currency, numbers.decimalMark);
}

function textWithoutStruck(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const struck of Array.from(copy.querySelectorAll(STRUCK))) struck.remove();
  return visibleText(copy);
}

function quantityInput(cell: Element | undefined): string {
  const input = cell?.querySelector('input');
  return input ? (input as HTMLInputElement).value : '';
}
