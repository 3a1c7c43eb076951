/**
 * Bytes → CSV records, checking the file on the way: the first bytes for a workbook, PDF or
 * other binary, every chunk for NUL bytes and invalid UTF-8; a SHA-256 of the bytes as they
 * pass, so the same file can be recognised later without keeping it.
 */
import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { CsvRecordReader, CsvSyntaxError } from './csv-reader';
import {
  firstInvalidUtf8,
  invalidUtf8Error,
  nulByteError,
  SNIFF_BYTES,
  sniffHead,
} from './file-checks';
import { emptyFile } from './upload-body';

export type RecordHandler = (cells: string[], row: number) => void | Promise<void>;

/** Thrown by a handler that has read enough (a preview); the reading ends without error. */
export class StopReading extends Error {}

export interface ReadResult {
  bytes: number;
  sha256: string;
}

export async function readCsvUpload(
  chunks: AsyncIterable<Uint8Array>,
  onRecord: RecordHandler,
  options: { partial?: boolean } = {},
): Promise<ReadResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = new CsvRecordReader();
  const hash = createHash('sha256');
  let head: Uint8Array | undefined = new Uint8Array(0);
  let offset = 0;
  let row = 0;
  const records: string[][] = [];
  const collect = (cells: string[]) => void records.push(cells);
  const drain = async () => {
    for (const cells of records.splice(0)) await onRecord(cells, ++row);
  };

  const take = async (bytes: Uint8Array) => {
    const nul = bytes.indexOf(0);
    if (nul !== -1) throw nulByteError(offset + nul);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw invalidUtf8Error(offset + invalidAt(bytes));
    }
    offset += bytes.length;
    syntaxChecked(() => reader.push(text, collect));
    await drain();
  };

  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      if (head) {
        // Hold the first bytes back until there are enough to recognise a signature.
        head = concat(head, chunk);
        if (head.length < SNIFF_BYTES) continue;
        sniffHead(head);
        const first = head;
        head = undefined;
        await take(first);
      } else {
        await take(chunk);
      }
    }
    if (head) {
      if (head.length === 0) throw emptyFile();
      sniffHead(head);
      await take(head);
    }
    if (!options.partial) {
      try {
        decoder.decode();
      } catch {
        throw invalidUtf8Error(offset);
      }
      syntaxChecked(() => reader.end(collect));
      await drain();
    }
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  return { bytes: offset, sha256: hash.digest('hex') };
}

function syntaxChecked(read: () => void): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new AppError(
      ErrorCode.validation,
      error.reason === 'unclosed-quote'
        ? `A quoted field that starts on row ${error.row} is never closed, so the rest of the file cannot be read.`
        : `Row ${error.row} is longer than 1 MB; the file is probably not CSV.`,
      { reason: error.reason, row: error.row },
    );
  }
}

/** Where in a chunk the bad byte is (a chunk may begin with the tail of a character). */
function invalidAt(bytes: Uint8Array): number {
  let start = 0;
  while (start < 3 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
  return start + Math.max(0, firstInvalidUtf8(bytes.subarray(start)));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export const isBlankRecord = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
