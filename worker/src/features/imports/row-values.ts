/**
 * One CSV row → a spend line ready for planRecordSpend, or the reasons it cannot be one.
 * Errors name the row, the field and its column, and echo the cell (formula-neutralised),
 * except description cells: their text is never echoed, stored or logged.
 */
import { MAX_DESCRIPTION_LENGTH } from '../../../../shared/api/estimates';
import type { ImportField } from '../../../../shared/api/imports';
import type { IncomingLine } from '../spend/record-spend';
import { formulaSafe } from './formula-safe';

export interface RowError {
  row: number;
  field: ImportField;
  column: string;
  reason: string;
  value: string | null;
}

/** A validated row as it waits, encrypted, for the import job. */
export interface StagedRow {
  row: number;
  line: IncomingLine;
  teamId: string | null;
}

export interface TeamRef {
  id: string;
  name: string;
  costCentre: string | null;
}

export interface RowContext {
  headers: readonly string[];
  columns: Partial<Record<ImportField, number>>;
  /** Team name, id or cost centre (lower case) → team id. */
  teams: Map<string, string>;
}

export function teamLookup(teams: readonly TeamRef[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const team of teams) {
    for (const key of [team.id, team.name, team.costCentre]) {
      if (key) lookup.set(key.trim().toLowerCase(), team.id);
    }
  }
  return lookup;
}

type Parsed<T> = { value: T } | { error: string };

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/**
 * Amounts as spreadsheets write them: "1234.5", "1,234.50", "1.234,50", "$ 1 234", "EUR 90".
 * With both separators the last one is the decimal point; a lone comma followed by exactly
 * three digits groups thousands, otherwise it is the decimal point.
 */
export function parseAmount(raw: string): Parsed<number> {
  let text = raw
    .trim()
    .replace(/^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$/g, '')
    .replace(/[$€£¥\s\u00a0\u202f']/g, '');
  if (/^\(.*\)$/.test(text) || text.startsWith('-')) {
    return { error: 'negative amounts (credits) are not imported' };
  }
  text = text.replace(/^\+/, '');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma !== -1) {
    text = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) {
    text = text.replace(/\./g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: 'not a number' };
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { error: 'not a number' };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD (or with / or a time after it), DD.MM.YYYY, and unambiguous D/M/Y or M/D/Y. */
export function parseDate(raw: string): Parsed<string> {
  const text = raw.trim();
  let year: number, month: number, day: number;
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    year = Number(match[3]);
    if (a <= 12 && b <= 12 && a !== b) {
      return { error: 'ambiguous date (day or month first?); use YYYY-MM-DD' };
    }
    [day, month] = a > 12 ? [a, b] : [b, a];
  } else {
    return { error: 'not a date; use YYYY-MM-DD' };
  }
  if (year < 1990 || year > 2100 || !isCalendarDate(year, month, day)) {
    return { error: 'not a calendar date' };
  }
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}

export function parseCurrency(raw: string): Parsed<string> {
  const text = raw.trim();
  const code = CURRENCY_SYMBOLS[text] ?? text.toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? { value: code } : { error: 'not an ISO 4217 currency code' };
}

function parseQuantity(raw: string): Parsed<number> {
  const parsed = parseAmount(raw);
  return 'error' in parsed ? { error: 'not a quantity (a number ≥ 0)' } : parsed;
}

function parseNaics(raw: string): Parsed<string> {
  const text = raw.trim();
  return /^\d{6}$/.test(text) ? { value: text } : { error: 'not a 6-digit NAICS code' };
}

const maxLength =
  (limit: number) =>
  (raw: string): Parsed<string> =>
    raw.trim().length <= limit
      ? { value: raw.trim() }
      : { error: `longer than ${limit} characters` };

/** Reads one row; `staged` is set only when the row has no error. */
export function readRow(
  cells: readonly string[],
  row: number,
  context: RowContext,
): { staged?: StagedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (field: ImportField) => {
    const index = context.columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const fail = (field: ImportField, reason: string, echo = true) => {
    const raw = cell(field);
    errors.push({
      row,
      field,
      column: context.headers[context.columns[field]!] ?? field,
      reason,
      value: echo && raw ? formulaSafe(raw) : null,
    });
  };
  function take<T>(field: ImportField, parse: (raw: string) => Parsed<T>, required: boolean) {
    const raw = cell(field);
    if (!raw) {
      if (required) fail(field, 'missing');
      return undefined;
    }
    const parsed = parse(raw);
    if ('error' in parsed) {
      fail(field, parsed.error);
      return undefined;
    }
    return parsed.value;
  }

  const description = cell('description');
  if (!description) fail('description', 'missing', false);
  else if (description.length > MAX_DESCRIPTION_LENGTH) {
    fail('description', `longer than ${MAX_DESCRIPTION_LENGTH} characters`, false);
  }
  const amount = take('amount', parseAmount, true);
  const date = take('date', parseDate, true);
  const currency = take('currency', parseCurrency, false) ?? 'USD';
  const supplier = take('supplier', maxLength(300), false);
  const glAccount = take('glAccount', maxLength(100), false);
  const quantity = take('quantity', parseQuantity, false);
  const naics = take('naics', parseNaics, false);
  const erpLineId = take('erpLineId', maxLength(200), false);
  let teamId: string | null = null;
  const team = cell('team');
  if (team) {
    teamId = context.teams.get(team.toLowerCase()) ?? null;
    if (!teamId) fail('team', 'no team has this name, id or cost centre');
  }
  if (errors.length > 0 || amount === undefined || date === undefined) return { errors };
  const line: IncomingLine = { description, amount, currency, date };
  if (supplier) line.supplier = supplier;
  if (glAccount) line.glAccount = glAccount;
  if (quantity !== undefined) line.quantity = quantity;
  if (naics) line.naics = naics;
  if (erpLineId) line.erpLineId = erpLineId;
  return { staged: { row, line, teamId }, errors };
}
