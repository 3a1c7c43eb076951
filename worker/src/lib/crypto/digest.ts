import { toHex, utf8, type Bytes } from './encoding';

export async function sha256(data: Uint8Array | string): Promise<Bytes> {
  const input = typeof data === 'string' ? utf8(data) : new Uint8Array(data);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
}

/** Lowercase hex SHA-256 of bytes (strings are hashed as UTF-8). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return toHex(await sha256(data));
}
