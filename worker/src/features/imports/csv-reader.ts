/**
 * An incremental CSV reader (RFC 4180, leniently): text arrives in chunks as the upload
 * streams, records leave as soon as they are complete, so a 50 MB file is never held whole.
 * Quoted fields may hold delimiters, quotes ("") and line breaks; a quote inside an unquoted
 * field is kept as text. The delimiter (comma, semicolon, tab or pipe) is chosen from the
 * first line. Only an unclosed quote or an oversized row refuses the file.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: 'unclosed-quote' | 'row-too-long',
    readonly row: number,
  ) {
    super(reason);
    this.name = 'CsvSyntaxError';
  }
}

type Emit = (cells: string[]) => void;

export class CsvRecordReader {
  private delimiter: string | undefined;
  private special: RegExp | undefined;
  /** Text held back: before the delimiter is known, or a lookahead cut by a chunk boundary. */
  private carry = '';
  private field = '';
  private record: string[] = [];
  private recordChars = 0;
  private inQuotes = false;
  private atFieldStart = true;
  private recordsEmitted = 0;

  constructor(delimiter?: string) {
    if (delimiter) this.useDelimiter(delimiter);
  }

  get detectedDelimiter(): string | undefined {
    return this.delimiter;
  }

  push(text: string, emit: Emit): void {
    this.consume(this.carry + text, false, emit);
  }

  end(emit: Emit): void {
    this.consume(this.carry, true, emit);
    if (this.inQuotes) throw new CsvSyntaxError('unclosed-quote', this.recordsEmitted + 1);
    if (this.record.length > 0 || !this.atFieldStart) this.endRecord(emit);
  }

  private useDelimiter(delimiter: string) {
    this.delimiter = delimiter;
    const escaped = delimiter === '|' ? '\\|' : delimiter === '\t' ? '\\t' : delimiter;
    this.special = new RegExp(`[${escaped}\\r\\n]`, 'g');
  }

  private consume(text: string, final: boolean, emit: Emit): void {
    this.carry = '';
    if (!this.delimiter) {
      const lineEnd = text.search(/[\r\n]/);
      if (lineEnd === -1 && !final) {
        this.carry = text;
        return;
      }
      this.useDelimiter(guessDelimiter(lineEnd === -1 ? text : text.slice(0, lineEnd)));
    }
    const delimiter = this.delimiter!;
    const special = this.special!;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          this.append(text.slice(i));
          break;
        }
        this.append(text.slice(i, quote));
        if (quote + 1 === n && !final) {
          this.carry = '"';
          break;
        }
        if (text[quote + 1] === '"') {
          this.append('"');
          i = quote + 2;
        } else {
          this.inQuotes = false;
          i = quote + 1;
        }
        continue;
      }
      if (this.atFieldStart && text[i] === '"') {
        this.inQuotes = true;
        this.atFieldStart = false;
        i += 1;
        continue;
      }
      special.lastIndex = i;
      const match = special.exec(text);
      if (!match) {
        this.append(text.slice(i));
        this.atFieldStart = false;
        break;
      }
      const at = match.index;
      this.append(text.slice(i, at));
      const char = text[at];
      if (char === delimiter) {
        this.record.push(this.field);
        this.field = '';
        this.atFieldStart = true;
        i = at + 1;
      } else if (char === '\n') {
        this.endRecord(emit);
        i = at + 1;
      } else if (at + 1 < n) {
        this.endRecord(emit);
        i = at + (text[at + 1] === '\n' ? 2 : 1);
      } else if (final) {
        this.endRecord(emit);
        i = n;
      } else {
        // A CR at the end of a chunk: wait for the next chunk to see whether LF follows.
        this.carry = '\r';
        break;
      }
    }
  }

  private append(text: string) {
    if (text.length === 0) return;
    this.field += text;
    this.atFieldStart = false;
    this.recordChars += text.length;
    if (this.recordChars > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError('row-too-long', this.recordsEmitted + 1);
    }
  }

  private endRecord(emit: Emit) {
    this.record.push(this.field);
    const cells = this.record;
    this.record = [];
    this.field = '';
    this.recordChars = 0;
    this.atFieldStart = true;
    this.recordsEmitted += 1;
    emit(cells);
  }
}

/** The delimiter used most outside quotes in the first line (comma when none is seen). */
export function guessDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
