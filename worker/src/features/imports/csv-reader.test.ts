import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, CsvSyntaxError, guessDelimiter } from './csv-reader';

function readAll(chunks: readonly string[], delimiter?: string): string[][] {
  const reader = new CsvRecordReader(delimiter);
  const records: string[][] = [];
  const emit = (cells: string[]) => void records.push(cells);
  for (const chunk of chunks) reader.push(chunk, emit);
  reader.end(emit);
  return records;
}

describe('CsvRecordReader', () => {
  it('reads quoted delimiters, escaped quotes and line breaks inside quotes', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nplain,12" pipe,\n';
    expect(readAll([text])).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['plain', '12" pipe', ''],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.stringMatching(/^[a-z0-9 ,"\r\n;]{0,8}$/);
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, cuts, newline) => {
          const text =
            ['h1,h2', ...rows.map((r) => r.map(quote).join(','))].join(newline) + newline;
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((start, i) =>
            text.slice(start, [...points, text.length][i]),
          );
          expect(readAll(chunks)).toEqual(readAll([text]));
          expect(readAll([text])).toEqual([['h1', 'h2'], ...rows]);
        },
      ),
    );
  });

  it('finds the delimiter from the first line, even when it arrives in pieces', () => {
    expect(readAll(['Item;Amo', 'unt;Date\n"a;b";1,5;2024-01-01\n'])).toEqual([
      ['Item', 'Amount', 'Date'],
      ['a;b', '1,5', '2024-01-01'],
    ]);
    expect(guessDelimiter('a\tb\tc,d')).toBe('\t');
    expect(guessDelimiter('"a,b";c;d')).toBe(';');
    expect(guessDelimiter('single')).toBe(',');
  });

  it('refuses a quote that is never closed, naming the row it opens on', () => {
    let error: unknown;
    try {
      readAll(['h\nok\n"never closed\nmore\n']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ reason: 'unclosed-quote', row: 3 });
  });

  it('refuses a row over 1 MB instead of holding it', () => {
    const huge = 'x'.repeat(300_000);
    expect(() => readAll(['h\n', `"${huge}`, huge, huge, huge])).toThrow(CsvSyntaxError);
  });

  it('keeps a last row without a line break and counts blank lines as rows', () => {
    expect(readAll(['a,b\n\n1,2'])).toEqual([['a', 'b'], [''], ['1', '2']]);
  });
});
