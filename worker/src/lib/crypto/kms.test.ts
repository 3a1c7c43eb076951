import { describe, expect, it } from 'vitest';
import { randomBytes } from './encoding';
import { createAwsKmsClient, KmsError } from './kms';
import { createKmsStub } from './kms-stub';

const NOW = new Date('2026-11-05T10:00:00Z');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const KEY_ID = 'arn:aws:kms:eu-west-1:111122223333:key/tenant-acme';

async function setup() {
  const stub = await createKmsStub({
    credentials: { [CREDENTIALS.accessKeyId]: CREDENTIALS.secretAccessKey },
    region: 'eu-west-1',
    keyIds: [KEY_ID],
    now: () => NOW,
  });
  const seen: ReturnType<Request['clone']>[] = [];
  const transport = (request: Request) => {
    seen.push(request.clone());
    return stub.handle(request);
  };
  return { stub, seen, transport };
}

describe('AWS KMS-compatible client against a signature-checking stub', () => {
  it('encrypts and decrypts with signed TrentService JSON requests', async () => {
    const { stub, seen, transport } = await setup();
    const kms = createAwsKmsClient({
      ...CREDENTIALS,
      region: 'eu-west-1',
      fetch: transport,
      now: () => NOW,
    });
    const dataKey = randomBytes(32);
    const blob = await kms.encrypt(KEY_ID, dataKey, { tenantId: 'tnt_acme' });
    expect(await kms.decrypt(KEY_ID, blob, { tenantId: 'tnt_acme' })).toEqual(dataKey);
    expect(stub.rejected).toBe(0);
    const [request] = seen;
    expect(request!.url).toBe('https://kms.eu-west-1.amazonaws.com/');
    expect(request!.headers.get('x-amz-target')).toBe('TrentService.Encrypt');
    expect(request!.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(request!.headers.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261105\/eu-west-1\/kms\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(await request!.text())).toMatchObject({
      KeyId: KEY_ID,
      EncryptionContext: { tenantId: 'tnt_acme' },
    });
    await expect(kms.decrypt(KEY_ID, blob, { tenantId: 'tnt_bright' })).rejects.toMatchObject({
      code: 'InvalidCiphertextException',
    });
  });

  it('is refused with a wrong secret, an unknown access key, a stale clock or another region', async () => {
    const { stub, transport } = await setup();
    const clients = [
      createAwsKmsClient({
        ...CREDENTIALS,
        secretAccessKey: 'wrong',
        region: 'eu-west-1',
        fetch: transport,
        now: () => NOW,
      }),
      createAwsKmsClient({
        ...CREDENTIALS,
        accessKeyId: 'AKIDOTHER',
        region: 'eu-west-1',
        fetch: transport,
        now: () => NOW,
      }),
      createAwsKmsClient({
        ...CREDENTIALS,
        region: 'eu-west-1',
        fetch: transport,
        now: () => new Date(NOW.getTime() - 6 * 60_000),
      }),
      createAwsKmsClient({
        ...CREDENTIALS,
        region: 'us-east-1',
        endpoint: 'https://kms.eu-west-1.amazonaws.com/',
        fetch: transport,
        now: () => NOW,
      }),
    ];
    for (const kms of clients)
      await expect(kms.encrypt(KEY_ID, randomBytes(32))).rejects.toBeInstanceOf(KmsError);
    expect(stub.rejected).toBe(4);
  });

  it('is refused when a signed request is altered in transit', async () => {
    const { stub } = await setup();
    const tamper = async (request: Request) => {
      const body = (await request.text()).replace('"KeyId":"arn', '"KeyId":"arn ');
      return stub.handle(
        new Request(request.url, { method: 'POST', headers: request.headers, body }),
      );
    };
    const kms = createAwsKmsClient({
      ...CREDENTIALS,
      region: 'eu-west-1',
      fetch: tamper,
      now: () => NOW,
    });
    await expect(kms.encrypt(KEY_ID, randomBytes(32))).rejects.toMatchObject({
      code: 'InvalidSignatureException',
      status: 403,
    });
    const swapTarget = async (request: Request) => {
      const headers = new Headers(request.headers);
      headers.set('x-amz-target', 'TrentService.Decrypt');
      return stub.handle(
        new Request(request.url, { method: 'POST', headers, body: await request.text() }),
      );
    };
    const swapped = createAwsKmsClient({
      ...CREDENTIALS,
      region: 'eu-west-1',
      fetch: swapTarget,
      now: () => NOW,
    });
    await expect(swapped.encrypt(KEY_ID, randomBytes(32))).rejects.toMatchObject({
      code: 'InvalidSignatureException',
    });
  });

  it('never puts the secret key in an error message', async () => {
    const { transport } = await setup();
    const kms = createAwsKmsClient({
      ...CREDENTIALS,
      region: 'eu-west-1',
      fetch: transport,
      now: () => NOW,
    });
    const error = await kms.decrypt('unknown-key', randomBytes(80)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KmsError);
    expect(String((error as Error).message)).not.toContain(CREDENTIALS.secretAccessKey);
  });
});
