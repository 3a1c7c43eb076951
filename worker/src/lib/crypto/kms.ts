/**
 * External key management: the tenant KEK can be wrapped by a customer's KMS instead of the
 * Worker master key. AWS KMS JSON protocol (TrentService Encrypt/Decrypt) signed with SigV4 by
 * aws4fetch; any KMS speaking that protocol (AWS, LocalStack, compatible HSM gateways) fits.
 * KMS Encrypt takes at most 4 KiB: use it for keys, not for objects.
 */
import { AwsClient } from 'aws4fetch';
import { fromBase64, toBase64, type Bytes } from './encoding';

export interface KmsClient {
  encrypt(keyId: string, plaintext: Uint8Array, context?: Record<string, string>): Promise<Bytes>;
  decrypt(keyId: string, ciphertext: Uint8Array, context?: Record<string, string>): Promise<Bytes>;
}

export interface AwsKmsConfig {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  /** Defaults to https://kms.<region>.amazonaws.com/ */
  endpoint?: string;
  /** Injected transport; defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Injected clock for the SigV4 timestamp; defaults to the current time. */
  now?: () => Date;
}

export class KmsError extends Error {
  override readonly name = 'KmsError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_PLAINTEXT_BYTES = 4096;

function amzDate(date: Date): string {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

function readBlob(body: unknown, field: 'CiphertextBlob' | 'Plaintext'): Bytes {
  const value =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)[field]
      : undefined;
  if (typeof value !== 'string')
    throw new KmsError('InvalidResponse', 200, `KMS answer has no ${field}`);
  try {
    return fromBase64(value);
  } catch {
    throw new KmsError('InvalidResponse', 200, `KMS ${field} is not base64`);
  }
}

export function createAwsKmsClient(config: AwsKmsConfig): KmsClient {
  const aws = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}),
    service: 'kms',
    region: config.region,
  });
  const endpoint = config.endpoint ?? `https://kms.${config.region}.amazonaws.com/`;
  const send = config.fetch ?? ((request: Request) => fetch(request));
  const now = config.now ?? (() => new Date());

  async function call(
    operation: 'Encrypt' | 'Decrypt',
    payload: Record<string, unknown>,
  ): Promise<unknown> {
    const request = await aws.sign(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `TrentService.${operation}`,
      },
      body: JSON.stringify(payload),
      // allHeaders: also sign content-type, which aws4fetch leaves unsigned by default.
      aws: { datetime: amzDate(now()), allHeaders: true },
    });
    const response = await send(request);
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) {
      const record = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >;
      const code =
        String(record.__type ?? 'KmsRequestFailed')
          .split('#')
          .pop() ?? 'KmsRequestFailed';
      const message =
        typeof record.message === 'string'
          ? record.message
          : typeof record.Message === 'string'
            ? record.Message
            : '';
      throw new KmsError(
        code,
        response.status,
        `KMS ${operation} failed: ${code}${message ? ` (${message})` : ''}`,
      );
    }
    return body;
  }

  return {
    async encrypt(keyId, plaintext, context) {
      if (plaintext.length === 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
        throw new KmsError(
          'InvalidInput',
          0,
          `KMS Encrypt takes 1 to ${MAX_PLAINTEXT_BYTES} bytes`,
        );
      }
      const body = await call('Encrypt', {
        KeyId: keyId,
        Plaintext: toBase64(plaintext),
        ...(context ? { EncryptionContext: context } : {}),
      });
      return readBlob(body, 'CiphertextBlob');
    },
    async decrypt(keyId, ciphertext, context) {
      const body = await call('Decrypt', {
        KeyId: keyId,
        CiphertextBlob: toBase64(ciphertext),
        ...(context ? { EncryptionContext: context } : {}),
      });
      return readBlob(body, 'Plaintext');
    },
  };
}
