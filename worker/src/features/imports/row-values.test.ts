import { describe, expect, it } from 'vitest';
import { formulaSafe } from './formula-safe';
import {
  parseAmount,
  parseCurrency,
  parseDate,
  readRow,
  teamLookup,
  type RowContext,
} from './row-values';

describe('cell parsing', () => {
  it('reads amounts as spreadsheets write them', () => {
    const cases: [string, number][] = [
      ['1234.5', 1234.5],
      ['1,234.50', 1234.5],
      ['1.234,50', 1234.5],
      ['1 234,5', 1234.5],
      ['$1,200', 1200],
      ['EUR 90', 90],
      ['90.00 USD', 90],
      ['12,5', 12.5],
      ['1.234.567', 1234567],
      ['0', 0],
    ];
    for (const [raw, value] of cases) expect(parseAmount(raw), raw).toEqual({ value });
    expect(parseAmount('-5')).toEqual({ error: 'negative amounts (credits) are not imported' });
    expect(parseAmount('(5.00)')).toMatchObject({ error: expect.stringContaining('negative') });
    expect(parseAmount('twelve')).toEqual({ error: 'not a number' });
    expect(parseAmount('=1+2')).toEqual({ error: 'not a number' });
  });

  it('reads ISO, dotted and unambiguous slashed dates, and refuses the rest', () => {
    expect(parseDate('2024-03-05')).toEqual({ value: '2024-03-05' });
    expect(parseDate('2024/3/5')).toEqual({ value: '2024-03-05' });
    expect(parseDate('2024-03-05T10:00:00Z')).toEqual({ value: '2024-03-05' });
    expect(parseDate('05.03.2024')).toEqual({ value: '2024-03-05' });
    expect(parseDate('31/01/2024')).toEqual({ value: '2024-01-31' });
    expect(parseDate('01/31/2024')).toEqual({ value: '2024-01-31' });
    expect(parseDate('03/05/2024')).toMatchObject({ error: expect.stringContaining('ambiguous') });
    expect(parseDate('2024-02-30')).toEqual({ error: 'not a calendar date' });
    expect(parseDate('yesterday')).toMatchObject({ error: expect.stringContaining('not a date') });
  });

  it('reads currency codes and the common symbols', () => {
    expect(parseCurrency('eur')).toEqual({ value: 'EUR' });
    expect(parseCurrency('€')).toEqual({ value: 'EUR' });
    expect(parseCurrency('euro')).toEqual({ error: 'not an ISO 4217 currency code' });
  });
});

describe('formulaSafe', () => {
  it('neutralises every character a spreadsheet reads as a formula start', () => {
    for (const raw of ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(formulaSafe(raw).startsWith("'"), JSON.stringify(raw)).toBe(true);
    }
    expect(formulaSafe('plain')).toBe('plain');
    expect(formulaSafe('x'.repeat(200))).toHaveLength(81);
  });
});

describe('readRow', () => {
  const context: RowContext = {
    headers: ['Item', 'Total', 'Date', 'Team', 'NAICS'],
    columns: { description: 0, amount: 1, date: 2, team: 3, naics: 4 },
    teams: teamLookup([{ id: 'team_1', name: 'Procurement', costCentre: 'CC-4100' }]),
  };

  it('turns a good row into a line, with its team found by cost centre', () => {
    const { staged, errors } = readRow(
      ['Laptop', '1,200.00', '2024-03-15', 'cc-4100', '334111'],
      7,
      context,
    );
    expect(errors).toEqual([]);
    expect(staged).toEqual({
      row: 7,
      teamId: 'team_1',
      line: {
        description: 'Laptop',
        amount: 1200,
        currency: 'USD',
        date: '2024-03-15',
        naics: '334111',
      },
    });
  });

  it('lists every bad cell with its column, and never echoes the description', () => {
    const secret = 'x'.repeat(1001);
    const { staged, errors } = readRow([secret, '=1+1', '2024-13-01', 'Nowhere', '33'], 9, context);
    expect(staged).toBeUndefined();
    expect(errors).toEqual([
      {
        row: 9,
        field: 'description',
        column: 'Item',
        reason: 'longer than 1000 characters',
        value: null,
      },
      { row: 9, field: 'amount', column: 'Total', reason: 'not a number', value: "'=1+1" },
      { row: 9, field: 'date', column: 'Date', reason: 'not a calendar date', value: '2024-13-01' },
      { row: 9, field: 'naics', column: 'NAICS', reason: 'not a 6-digit NAICS code', value: '33' },
      {
        row: 9,
        field: 'team',
        column: 'Team',
        reason: 'no team has this name, id or cost centre',
        value: 'Nowhere',
      },
    ]);
  });
});
