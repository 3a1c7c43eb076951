/** Byte/text encodings shared by the crypto helpers. Pure, runtime-neutral (workerd, Node, browsers). */

export type Bytes = Uint8Array<ArrayBuffer>;

const utf8Encoder = new TextEncoder();
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return utf8Encoder.encode(text) as Bytes;
}

/** Throws a TypeError on invalid UTF-8 instead of silently inserting U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  return strictUtf8Decoder.decode(bytes);
}

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function copyBytes(bytes: Uint8Array): Bytes {
  return new Uint8Array(bytes);
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Lowercase hex only, so one value has one spelling. */
export function fromHex(hex: string): Bytes {
  if (!HEX.test(hex)) throw new TypeError('invalid hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict: padded standard alphabet only, no whitespace, canonical trailing bits. */
export function fromBase64(text: string): Bytes {
  if (!BASE64.test(text)) throw new TypeError('invalid base64');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  if (toBase64(out) !== text) throw new TypeError('non-canonical base64');
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Strict: unpadded URL alphabet, canonical trailing bits. */
export function fromBase64Url(text: string): Bytes {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new TypeError('invalid base64url');
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bytes = fromBase64(padded);
  if (toBase64Url(bytes) !== text) throw new TypeError('non-canonical base64url');
  return bytes;
}

/** Compares without an early exit, so timing does not reveal the length of a matching prefix. */
export function constantTimeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function constantTimeEqualStrings(a: string, b: string): boolean {
  return constantTimeEqualBytes(utf8(a), utf8(b));
}
