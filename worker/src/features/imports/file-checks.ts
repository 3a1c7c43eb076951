/**
 * What an upload must be before a row is read: a .csv (or .txt) name when a name is given, and
 * UTF-8 text. A renamed workbook, a PDF, NUL bytes or invalid UTF-8 each get their own
 * problem (`reason` says which) and nothing is stored.
 */
import { AppError, ErrorCode } from '../../../../shared/errors';

const SAVE_AS_CSV = 'Save it as "CSV UTF-8 (comma delimited)" and upload that file.';

export const ALLOWED_EXTENSIONS = ['csv', 'txt'];

export function checkFileName(fileName: string | undefined): void {
  if (!fileName) return;
  const dot = fileName.lastIndexOf('.');
  if (dot === -1) return;
  const extension = fileName.slice(dot + 1).toLowerCase();
  if (!ALLOWED_EXTENSIONS.includes(extension)) {
    throw new AppError(
      ErrorCode.unsupportedMediaType,
      `Only .csv files can be imported, not .${extension.slice(0, 10)}. ${SAVE_AS_CSV}`,
      { reason: 'extension' },
    );
  }
}

interface Signature {
  magic: number[];
  code: ErrorCode;
  reason: string;
  detail: string;
}

const SIGNATURES: Signature[] = [
  ...[
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
    [0x50, 0x4b, 0x07, 0x08],
  ].map((magic) => ({
    magic,
    code: ErrorCode.unsupportedMediaType,
    reason: 'zip',
    detail: `The file is a ZIP container, such as an Excel workbook (.xlsx), whatever its name. ${SAVE_AS_CSV}`,
  })),
  {
    magic: [0x25, 0x50, 0x44, 0x46, 0x2d],
    code: ErrorCode.unsupportedMediaType,
    reason: 'pdf',
    detail:
      'The file is a PDF document, not CSV text. Export the lines from the source system as CSV.',
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    code: ErrorCode.unsupportedMediaType,
    reason: 'xls',
    detail: `The file is a legacy Office document (.xls). ${SAVE_AS_CSV}`,
  },
  {
    magic: [0x1f, 0x8b],
    code: ErrorCode.unsupportedMediaType,
    reason: 'gzip',
    detail: 'The file is gzip-compressed. Upload the CSV file itself.',
  },
  ...[
    [0xff, 0xfe],
    [0xfe, 0xff],
  ].map((magic) => ({
    magic,
    code: ErrorCode.validation,
    reason: 'utf16',
    detail: `The file is UTF-16 text; only UTF-8 is read. ${SAVE_AS_CSV}`,
  })),
];

/** Bytes needed to recognise every signature. */
export const SNIFF_BYTES = 8;

/** Refuses a file whose first bytes say it is not text. */
export function sniffHead(head: Uint8Array): void {
  for (const signature of SIGNATURES) {
    if (signature.magic.every((byte, i) => head[i] === byte)) {
      throw new AppError(signature.code, signature.detail, { reason: signature.reason });
    }
  }
}

export function nulByteError(offset: number): AppError {
  return new AppError(
    ErrorCode.validation,
    `The file contains a NUL byte (at byte ${offset}): it is binary, or UTF-16 text, not a CSV file. ${SAVE_AS_CSV}`,
    { reason: 'nul-byte' },
  );
}

export function invalidUtf8Error(offset: number): AppError {
  return new AppError(
    ErrorCode.validation,
    `The file is not valid UTF-8 (at byte ${offset}); it may be in a legacy encoding such as Windows-1252. ${SAVE_AS_CSV}`,
    { reason: 'invalid-utf8' },
  );
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence,
 * for the error message; -1 when the bytes are valid (a sequence cut at the end is valid).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return -1;
      const next = bytes[i + k]!;
      const low = k === 1 && byte === 0xe0 ? 0xa0 : k === 1 && byte === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && byte === 0xed ? 0x9f : k === 1 && byte === 0xf4 ? 0x8f : 0xbf;
      if (next < low || next > high) return i;
    }
    i += length;
  }
  return -1;
}
