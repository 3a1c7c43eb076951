/**
 * TEST ONLY: a local stand-in for AWS KMS that checks SigV4 signatures with its own
 * implementation of the algorithm (not aws4fetch), so a signing mistake in kms.ts cannot be
 * hidden by the same mistake on the verifying side. Used as the `fetch` of createAwsKmsClient.
 */
import { canonicalJsonBytes } from './canonical-json';
import {
  concatBytes,
  constantTimeEqualStrings,
  fromBase64,
  randomBytes,
  toBase64,
  toHex,
  utf8,
  type Bytes,
} from './encoding';
import { sha256Hex } from './digest';

export interface KmsStubOptions {
  credentials: Record<string, string>;
  region: string;
  keyIds: string[];
  now: () => Date;
}

export interface KmsStub {
  handle(request: Request): Promise<Response>;
  /** Requests refused for a bad or missing signature. */
  rejected: number;
}

const REQUIRED_SIGNED = ['content-type', 'host', 'x-amz-date', 'x-amz-target'];
const MAX_SKEW_MS = 5 * 60 * 1000;

async function hmac(key: Uint8Array, message: string): Promise<Bytes> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(message)));
}

function error(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
  });
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

async function checkSignature(
  request: Request,
  body: string,
  options: KmsStubOptions,
): Promise<string | null> {
  const auth = request.headers.get('authorization') ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'IncompleteSignatureException';
  const [, accessKeyId, date, region, service, signedHeaderList, signature] =
    m as unknown as string[];
  const secret = options.credentials[accessKeyId!];
  if (secret === undefined) return 'UnrecognizedClientException';
  const amzDate = request.headers.get('x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt) || amzDate.slice(0, 8) !== date) return 'IncompleteSignatureException';
  if (Math.abs(options.now().getTime() - signedAt) > MAX_SKEW_MS)
    return 'InvalidSignatureException';
  if (region !== options.region || service !== 'kms') return 'InvalidSignatureException';
  const signedHeaders = signedHeaderList!.split(';');
  if (REQUIRED_SIGNED.some((name) => !signedHeaders.includes(name)))
    return 'IncompleteSignatureException';

  const url = new URL(request.url);
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${(name === 'host' ? url.host : (request.headers.get(name) ?? '')).trim().replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    request.method,
    url.pathname || '/',
    url.search.slice(1),
    canonicalHeaders,
    signedHeaderList,
    await sha256Hex(body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join(
    '\n',
  );
  let key = await hmac(utf8(`AWS4${secret}`), date!);
  for (const part of [region!, service!, 'aws4_request']) key = await hmac(key, part);
  const expected = toHex(await hmac(key, stringToSign));
  return constantTimeEqualStrings(expected, signature!) ? null : 'InvalidSignatureException';
}

export async function createKmsStub(options: KmsStubOptions): Promise<KmsStub> {
  const keys = new Map<string, CryptoKey>();
  for (const keyId of options.keyIds) {
    keys.set(
      keyId,
      await crypto.subtle.importKey('raw', randomBytes(32), 'AES-GCM', false, [
        'encrypt',
        'decrypt',
      ]),
    );
  }
  const keyIdBytes = (keyId: string) => utf8(keyId.padEnd(64, ' '));
  const stub: KmsStub = {
    rejected: 0,
    async handle(request) {
      const body = await request.text();
      const problem = await checkSignature(request, body, options);
      if (problem) {
        stub.rejected += 1;
        return error(
          problem === 'UnrecognizedClientException' ? 400 : 403,
          problem,
          'signature check failed',
        );
      }
      if (request.headers.get('content-type') !== 'application/x-amz-json-1.1')
        return error(400, 'SerializationException', 'bad content type');
      const input = JSON.parse(body) as {
        KeyId?: string;
        Plaintext?: string;
        CiphertextBlob?: string;
        EncryptionContext?: Record<string, string>;
      };
      const key = input.KeyId ? keys.get(input.KeyId) : undefined;
      if (!key || !input.KeyId) return error(400, 'NotFoundException', 'unknown key');
      const aad = canonicalJsonBytes(input.EncryptionContext ?? {});
      const target = request.headers.get('x-amz-target');
      if (target === 'TrentService.Encrypt' && input.Plaintext) {
        const iv = randomBytes(12);
        const sealed = new Uint8Array(
          await crypto.subtle.encrypt(
            { name: 'AES-GCM', iv, additionalData: aad },
            key,
            fromBase64(input.Plaintext),
          ),
        );
        return Response.json({
          KeyId: input.KeyId,
          CiphertextBlob: toBase64(concatBytes(keyIdBytes(input.KeyId), iv, sealed)),
        });
      }
      if (target === 'TrentService.Decrypt' && input.CiphertextBlob) {
        const blob = fromBase64(input.CiphertextBlob);
        if (toHex(blob.slice(0, 64)) !== toHex(keyIdBytes(input.KeyId)))
          return error(400, 'IncorrectKeyException', 'wrong key');
        try {
          const plain = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: blob.slice(64, 76), additionalData: aad },
            key,
            blob.slice(76),
          );
          return Response.json({ KeyId: input.KeyId, Plaintext: toBase64(new Uint8Array(plain)) });
        } catch {
          return error(400, 'InvalidCiphertextException', 'does not decrypt');
        }
      }
      return error(400, 'UnknownOperationException', 'unsupported operation');
    },
  };
  return stub;
}
