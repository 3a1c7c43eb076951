/**
 * Signed audit checkpoints in the C2SP formats (https://c2sp.org/tlog-checkpoint,
 * https://c2sp.org/signed-note). Difference from a transparency log: the "root hash" line carries
 * the head of the tenant's hash chain (the hash of row `size`), not a Merkle tree root.
 *
 *   spendprint.dev/audit/<tenantId>
 *   <size>
 *   <base64 head hash>
 *   time <ISO 8601 UTC>
 *
 *   — <key name> <base64(4-byte key hash || 64-byte Ed25519 signature)>
 */
import {
  concatBytes,
  fromBase64,
  fromHex,
  toBase64,
  toHex,
  utf8,
  constantTimeEqualBytes,
  type Bytes,
} from './encoding';
import { sha256 } from './digest';
import {
  ed25519PublicKeyBytes,
  importEd25519PrivateJwk,
  importEd25519PublicJwk,
  type Ed25519PublicJwk,
} from './ed25519-keys';

export {
  generateEd25519KeyPair,
  exportEd25519PublicJwk,
  exportEd25519PrivateJwk,
  importEd25519PublicJwk,
  importEd25519PrivateJwk,
  type Ed25519PublicJwk,
  type Ed25519PrivateJwk,
} from './ed25519-keys';

export const CHECKPOINT_ORIGIN_PREFIX = 'spendprint.dev/audit/';
const SIGNATURE_TYPE_ED25519 = 0x01;
const EM_DASH_PREFIX = '\u2014 ';
const TIME_PREFIX = 'time ';

export interface CheckpointContent {
  tenantId: string;
  size: number;
  /** SHA-256 hex of row `size` (the genesis value for size 0). */
  headHash: string;
  /** ISO 8601 UTC */
  time: string;
}

export interface NoteSignature {
  keyName: string;
  keyHash: Bytes;
  signature: Bytes;
}

export interface ParsedCheckpoint extends CheckpointContent {
  origin: string;
  /** The signed text: every body line including the final newline. */
  body: string;
  signatures: NoteSignature[];
}

export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

export type CheckpointVerification =
  { ok: true; checkpoint: ParsedCheckpoint; keyName: string } | { ok: false; reason: string };

const KEY_NAME = /^[^\s+\u2014]+$/;
const TENANT_ID = /^[A-Za-z0-9._:-]+$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const DECIMAL = /^(?:0|[1-9]\d{0,15})$/;

export function checkpointOrigin(tenantId: string): string {
  if (!TENANT_ID.test(tenantId))
    throw new CheckpointError('tenant id cannot appear in an origin line');
  return CHECKPOINT_ORIGIN_PREFIX + tenantId;
}

/** Key hash per signed-note: the first 4 bytes of SHA-256(name || 0x0A || type || public key). */
export async function noteKeyHash(keyName: string, publicKey: Uint8Array): Promise<Bytes> {
  const digest = await sha256(
    concatBytes(utf8(keyName), new Uint8Array([0x0a, SIGNATURE_TYPE_ED25519]), publicKey),
  );
  return digest.slice(0, 4);
}

export function checkpointBody(content: CheckpointContent): string {
  if (!Number.isSafeInteger(content.size) || content.size < 0)
    throw new CheckpointError('size must be a non-negative integer');
  if (!ISO_UTC.test(content.time)) throw new CheckpointError('time must be ISO 8601 UTC');
  const head = fromHex(content.headHash);
  if (head.length !== 32) throw new CheckpointError('head hash must be 32 bytes');
  return `${checkpointOrigin(content.tenantId)}\n${content.size}\n${toBase64(head)}\n${TIME_PREFIX}${content.time}\n`;
}

/** A private key with the public half that names it in the signature line. */
export interface CheckpointSigningKey {
  privateKey: CryptoKey;
  publicKeyJwk: Ed25519PublicJwk;
}

/** From the private JWK kept as a Worker secret (its `x` is the public half). */
export async function importCheckpointSigningKey(
  privateJwk: unknown,
): Promise<CheckpointSigningKey> {
  const privateKey = await importEd25519PrivateJwk(privateJwk);
  const { x } = privateJwk as Ed25519PublicJwk;
  return { privateKey, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x } };
}

/** Signs any note text (which must end in a newline) in the signed-note format. */
export async function signNote(
  text: string,
  signingKey: CheckpointSigningKey,
  keyName: string,
): Promise<string> {
  if (!KEY_NAME.test(keyName))
    throw new CheckpointError('key name must be non-empty without spaces or +');
  if (!text.endsWith('\n') || text.includes('\n\n'))
    throw new CheckpointError('note text must end in a newline and have no blank line');
  const signature = new Uint8Array(
    await crypto.subtle.sign('Ed25519', signingKey.privateKey, utf8(text)),
  );
  const keyHash = await noteKeyHash(keyName, ed25519PublicKeyBytes(signingKey.publicKeyJwk));
  return `${text}\n${EM_DASH_PREFIX}${keyName} ${toBase64(concatBytes(keyHash, signature))}\n`;
}

export async function signCheckpoint(
  signingKey: CheckpointSigningKey,
  keyName: string,
  content: CheckpointContent,
): Promise<string> {
  return signNote(checkpointBody(content), signingKey, keyName);
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(EM_DASH_PREFIX))
    throw new CheckpointError('signature line must start with an em dash');
  const [keyName, blob, ...rest] = line.slice(EM_DASH_PREFIX.length).split(' ');
  if (!keyName || !blob || rest.length > 0 || !KEY_NAME.test(keyName))
    throw new CheckpointError('malformed signature line');
  let bytes: Bytes;
  try {
    bytes = fromBase64(blob);
  } catch {
    throw new CheckpointError('signature is not base64');
  }
  if (bytes.length < 5) throw new CheckpointError('signature too short');
  return { keyName, keyHash: bytes.slice(0, 4), signature: bytes.slice(4) };
}

/** Parses without checking signatures. Throws CheckpointError on any deviation from the format. */
export function parseCheckpoint(text: string): ParsedCheckpoint {
  const split = text.indexOf('\n\n');
  if (split < 0 || !text.endsWith('\n'))
    throw new CheckpointError('expected body, blank line, signatures');
  const body = text.slice(0, split + 1);
  const bodyLines = body.slice(0, -1).split('\n');
  const signatureLines = text.slice(split + 2, -1).split('\n');
  const [origin, sizeLine, hashLine, ...extensions] = bodyLines;
  if (origin === undefined || sizeLine === undefined || hashLine === undefined)
    throw new CheckpointError('body too short');
  if (!origin.startsWith(CHECKPOINT_ORIGIN_PREFIX))
    throw new CheckpointError('origin is not a Spendprint audit log');
  const tenantId = origin.slice(CHECKPOINT_ORIGIN_PREFIX.length);
  if (!TENANT_ID.test(tenantId)) throw new CheckpointError('origin has no valid tenant id');
  if (!DECIMAL.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine)))
    throw new CheckpointError('size is not a decimal');
  let head: Bytes;
  try {
    head = fromBase64(hashLine);
  } catch {
    throw new CheckpointError('head hash is not base64');
  }
  if (head.length !== 32) throw new CheckpointError('head hash must be 32 bytes');
  const timeLines = extensions.filter((line) => line.startsWith(TIME_PREFIX));
  if (extensions.some((line) => line === '')) throw new CheckpointError('empty extension line');
  if (timeLines.length !== 1) throw new CheckpointError('expected exactly one time line');
  const time = timeLines[0]!.slice(TIME_PREFIX.length);
  if (!ISO_UTC.test(time)) throw new CheckpointError('time is not ISO 8601 UTC');
  if (signatureLines.length === 0 || signatureLines[0] === '')
    throw new CheckpointError('no signature');
  return {
    origin,
    tenantId,
    size: Number(sizeLine),
    headHash: toHex(head),
    time,
    body,
    signatures: signatureLines.map(parseSignatureLine),
  };
}

/**
 * Accepts the checkpoint when one signature line is by `publicKeyJwk` (key hash matches its
 * name and key) and its Ed25519 signature over the body verifies. Never throws.
 */
export async function verifyCheckpoint(
  text: string,
  publicKeyJwk: unknown,
): Promise<CheckpointVerification> {
  let checkpoint: ParsedCheckpoint;
  let publicKey: CryptoKey;
  let rawKey: Bytes;
  try {
    checkpoint = parseCheckpoint(text);
    publicKey = await importEd25519PublicJwk(publicKeyJwk);
    rawKey = ed25519PublicKeyBytes(publicKeyJwk as Ed25519PublicJwk);
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof Error ? error.message : 'unreadable checkpoint or key',
    };
  }
  for (const line of checkpoint.signatures) {
    const expectedKeyHash = await noteKeyHash(line.keyName, rawKey);
    if (!constantTimeEqualBytes(expectedKeyHash, line.keyHash) || line.signature.length !== 64)
      continue;
    if (await crypto.subtle.verify('Ed25519', publicKey, line.signature, utf8(checkpoint.body))) {
      return { ok: true, checkpoint, keyName: line.keyName };
    }
    return { ok: false, reason: `signature by ${line.keyName} does not verify` };
  }
  return { ok: false, reason: 'no signature by the given public key' };
}
