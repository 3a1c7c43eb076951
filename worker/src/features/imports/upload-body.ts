/**
 * The uploaded file as a stream of byte chunks, whatever the transport: a bare `text/csv`
 * body, or the file part of `multipart/form-data` (read part by part, never buffered whole).
 * The size cap is counted on the bytes as they arrive, so a chunked body without
 * Content-Length is stopped at the cap too.
 */
import { AppError, ErrorCode } from '../../../../shared/errors';

export interface Upload {
  fileName: string | undefined;
  /** Small text fields sent before the file part (multipart only). */
  fields: Map<string, string>;
  chunks: AsyncIterable<Uint8Array>;
  /** Stops reading the request (the rest of a multipart body, or the body after an error). */
  close(): Promise<void>;
}

const MAX_FIELD_BYTES = 16 * 1024;
const MAX_PART_HEADER_BYTES = 8 * 1024;

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    ErrorCode.payloadTooLarge,
    `The file is over ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller files.`,
    { reason: 'too-large', maxBytes },
  );
}

/** Chunks of the body, refusing with 413 as soon as more than `maxBytes` have arrived. */
export async function* limitedChunks(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      if (value.byteLength > 0) yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

export async function openUpload(
  request: Request,
  maxBytes: number,
  fileNameFromQuery: string | undefined,
): Promise<Upload> {
  const contentType = request.headers.get('content-type') ?? '';
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw emptyFile();
  if (/^text\/csv\b/i.test(contentType)) {
    const chunks = limitedChunks(request.body, maxBytes);
    return {
      fileName: fileNameFromQuery,
      fields: new Map(),
      chunks,
      close: () => closeSource(chunks),
    };
  }
  const boundary = /^multipart\/form-data\b.*;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(
    contentType,
  );
  if (boundary) {
    const source = limitedChunks(request.body, maxBytes);
    try {
      return await openMultipartFile(source, boundary[1] ?? boundary[2]!);
    } catch (error) {
      await closeSource(source);
      throw error;
    }
  }
  throw new AppError(
    ErrorCode.unsupportedMediaType,
    'Send the file as the text/csv body, or as the "file" part of multipart/form-data.',
    { reason: 'content-type' },
  );
}

async function closeSource(source: AsyncGenerator<Uint8Array>): Promise<void> {
  await source.return(undefined).catch(() => undefined);
}

export function emptyFile(): AppError {
  return new AppError(ErrorCode.validation, 'The file is empty.', { reason: 'empty' });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Reads multipart parts until the file part starts (a part with a filename, or named "file"),
 * keeping the small fields before it; the rest of the file part streams on demand.
 */
export async function openMultipartFile(
  source: AsyncGenerator<Uint8Array>,
  boundary: string,
): Promise<Upload> {
  const parts = new MultipartReader(source, boundary);
  const fields = new Map<string, string>();
  for (;;) {
    const headers = await parts.nextPartHeaders();
    if (!headers)
      throw new AppError(ErrorCode.validation, 'The form has no "file" part.', { reason: 'empty' });
    const disposition = headers.get('content-disposition') ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (fileName !== undefined || name === 'file') {
      return {
        fileName: fileName || undefined,
        fields,
        chunks: parts.body(),
        close: () => closeSource(source),
      };
    }
    const value = await parts.readWholeBody(MAX_FIELD_BYTES);
    if (name) fields.set(name, value);
  }
}

class MultipartReader {
  private buffer: Uint8Array;
  private readonly delimiter: Uint8Array;
  private ended = false;

  constructor(
    private readonly source: AsyncGenerator<Uint8Array>,
    boundary: string,
  ) {
    this.delimiter = encoder.encode(`\r\n--${boundary}`);
    // The first delimiter has no CRLF before it; start as if it had.
    this.buffer = encoder.encode('\r\n');
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.source.next();
    if (done) {
      this.ended = true;
      return false;
    }
    this.buffer = concat(this.buffer, value);
    return true;
  }

  /** Skips to the next delimiter; returns the part's headers, or undefined after the last. */
  async nextPartHeaders(): Promise<Map<string, string> | undefined> {
    let at = indexOf(this.buffer, this.delimiter);
    while (at === -1) {
      // Keep only what could be the start of a delimiter.
      this.buffer = this.buffer.slice(Math.max(0, this.buffer.length - this.delimiter.length));
      if (!(await this.fill())) return undefined;
      at = indexOf(this.buffer, this.delimiter);
    }
    this.buffer = this.buffer.slice(at + this.delimiter.length);
    while (this.buffer.length < 2 && (await this.fill()));
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) return undefined; // "--": the end
    let end = indexOf(this.buffer, CRLF_CRLF);
    while (end === -1) {
      if (this.buffer.length > MAX_PART_HEADER_BYTES || !(await this.fill())) {
        throw new AppError(ErrorCode.validation, 'The multipart body is malformed.', {
          reason: 'multipart',
        });
      }
      end = indexOf(this.buffer, CRLF_CRLF);
    }
    const headers = new Map<string, string>();
    for (const line of decoder.decode(this.buffer.slice(0, end)).split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0)
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    this.buffer = this.buffer.slice(end + CRLF_CRLF.length);
    return headers;
  }

  /** The current part's bytes, streamed up to the next delimiter. */
  async *body(): AsyncGenerator<Uint8Array> {
    const keep = this.delimiter.length - 1;
    for (;;) {
      const at = indexOf(this.buffer, this.delimiter);
      if (at !== -1) {
        if (at > 0) yield this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at);
        return;
      }
      if (this.buffer.length > keep) {
        yield this.buffer.slice(0, this.buffer.length - keep);
        this.buffer = this.buffer.slice(this.buffer.length - keep);
      }
      if (!(await this.fill())) {
        throw new AppError(ErrorCode.validation, 'The multipart body ends inside the file.', {
          reason: 'multipart',
        });
      }
    }
  }

  async readWholeBody(maxBytes: number): Promise<string> {
    const pieces: Uint8Array[] = [];
    let size = 0;
    for await (const piece of this.body()) {
      size += piece.length;
      if (size > maxBytes) {
        throw new AppError(ErrorCode.validation, 'A form field is too long.', {
          reason: 'multipart',
        });
      }
      pieces.push(piece);
    }
    return decoder.decode(pieces.reduce(concat, new Uint8Array(0)));
  }
}

const CRLF_CRLF = encoder.encode('\r\n\r\n');

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (
    let i = haystack.indexOf(first!, from);
    i !== -1 && i <= last;
    i = haystack.indexOf(first!, i + 1)
  ) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}
