import canonicalize from 'canonicalize';
import { utf8, type Bytes } from './encoding';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

/**
 * RFC 8785 (JCS) serialisation. Throws on values JSON cannot represent exactly
 * (undefined at the top level, NaN, Infinity, lone surrogates, cycles) rather than
 * hashing something a verifier could never reproduce.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new CanonicalJsonError(error instanceof Error ? error.message : 'not serialisable');
  }
  if (text === undefined) throw new CanonicalJsonError('value has no JSON representation');
  return text;
}

export function canonicalJsonBytes(value: unknown): Bytes {
  return utf8(canonicalJson(value));
}
