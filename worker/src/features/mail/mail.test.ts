import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { send } from '../../../test/spend-helpers';
import type { Env } from '../../env';
import { deliverAllTenants } from './delivery';

afterEach(() => {
  vi.restoreAllMocks();
});

const PROVIDER = 'https://mail-provider.stub.test/emails';

async function mailbox(token: string) {
  return (
    await json<{ messages: { to: string; body: string }[] }>(
      await call('/api/v1/dev/mailbox', { headers: bearer(token) }),
    )
  ).messages;
}

async function outboxRows(tenantId: string) {
  return (
    await env.DB.prepare('SELECT to_address, body, sent_at FROM email_outbox WHERE tenant_id = ?')
      .bind(tenantId)
      .all<{ to_address: string; body: string; sent_at: number | null }>()
  ).results;
}

interface ProviderMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** A provider stub on the network boundary: keeps mail for `to`, refusing its first attempt. */
function stubProvider(to: string) {
  const received: ProviderMail[] = [];
  const authorizations: (string | null)[] = [];
  let refused = false;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url !== PROVIDER) return new Response('unexpected', { status: 599 });
    const mail = await request.json<ProviderMail>();
    if (mail.to !== to) return Response.json({ id: 'other' });
    if (!refused) {
      refused = true;
      return new Response('busy', { status: 503 });
    }
    authorizations.push(request.headers.get('authorization'));
    received.push(mail);
    return Response.json({ id: crypto.randomUUID() });
  });
  return { received, authorizations };
}

const mailEnv = (): Env => ({
  ...(env as unknown as Env),
  MAIL_API_URL: PROVIDER,
  MAIL_API_TOKEN: 'provider-token',
  MAIL_FROM: 'Spendprint <no-reply@spendprint.test>',
});

describe('the email outbox', () => {
  it('keeps message bodies sealed at rest while the dev mailbox shows the link', async () => {
    const tenant = await createTenant('outbox-sealed');
    const admin = await signIn(tenant.emails.admin);
    const to = `new@${tenant.slug}.test`;
    await send(admin, 'POST', '/api/v1/invitations', { email: to, role: 'viewer' });
    const [message] = await mailbox(admin);
    const token = /token=([A-Za-z0-9_-]+)/.exec(message!.body)![1]!;
    const [row] = await outboxRows(tenant.id);
    expect(row!.to_address).toBe(to);
    expect(row!.body).not.toContain(token);
    expect(row!.body).not.toContain('invited');
  });

  it('delivers through the provider, retries a failure, then blanks the sent body', async () => {
    const tenant = await createTenant('outbox-deliver');
    const admin = await signIn(tenant.emails.admin);
    const to = `colleague@${tenant.slug}.test`;
    await send(admin, 'POST', '/api/v1/invitations', { email: to, role: 'viewer' });
    const provider = stubProvider(to);

    await deliverAllTenants(mailEnv(), new Date());
    expect(provider.received).toHaveLength(0);
    expect((await outboxRows(tenant.id))[0]!.sent_at).toBeNull();

    await deliverAllTenants(mailEnv(), new Date());
    expect(provider.received).toEqual([
      expect.objectContaining({
        from: 'Spendprint <no-reply@spendprint.test>',
        to,
        subject: 'You are invited to Spendprint',
        text: expect.stringMatching(/accept-invitation\?token=[A-Za-z0-9_-]{40,}/),
      }),
    ]);
    expect(provider.authorizations).toEqual(['Bearer provider-token']);
    const [row] = await outboxRows(tenant.id);
    expect(row!.sent_at).not.toBeNull();
    expect(row!.body).toBe('');

    await deliverAllTenants(mailEnv(), new Date());
    expect(provider.received).toHaveLength(1);
  });

  it('sends nothing without a configured provider (local mode)', async () => {
    const tenant = await createTenant('outbox-local');
    const admin = await signIn(tenant.emails.admin);
    await send(admin, 'POST', '/api/v1/invitations', {
      email: `x@${tenant.slug}.test`,
      role: 'buyer',
    });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await deliverAllTenants(env as unknown as Env, new Date());
    expect(fetchSpy).not.toHaveBeenCalled();
    expect((await outboxRows(tenant.id))[0]!.sent_at).toBeNull();
  });
});

describe('email verification', () => {
  it('proves the address with a single-use link', async () => {
    const tenant = await createTenant('verify-email');
    const viewer = await signIn(tenant.emails.viewer);
    const me = async () =>
      json<{ emailVerified: boolean }>(await call('/api/v1/auth/me', { headers: bearer(viewer) }));
    expect((await me()).emailVerified).toBe(false);

    expect((await send(viewer, 'POST', '/api/v1/auth/email-verification')).status).toBe(202);
    const admin = await signIn(tenant.emails.admin);
    const message = (await mailbox(admin)).find((m) => m.to === tenant.emails.viewer)!;
    expect(message.body).toContain('/console/verify-email?token=');
    const token = /token=([A-Za-z0-9_-]+)/.exec(message.body)![1]!;

    const confirm = () =>
      call('/api/v1/auth/email-verification/confirm', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    expect((await confirm()).status).toBe(200);
    expect((await me()).emailVerified).toBe(true);
    const replay = await confirm();
    expect(replay.status).toBe(400);
    expect(replay.headers.get('content-type')).toBe('application/problem+json');
    expect((await send(viewer, 'POST', '/api/v1/auth/email-verification')).status).toBe(409);
  });

  it('refuses an expired link', async () => {
    const tenant = await createTenant('verify-expired');
    const buyer = await signIn(tenant.emails.buyer);
    await send(buyer, 'POST', '/api/v1/auth/email-verification');
    const admin = await signIn(tenant.emails.admin);
    const body = (await mailbox(admin)).find((m) => m.to === tenant.emails.buyer)!.body;
    const token = /token=([A-Za-z0-9_-]+)/.exec(body)![1]!;
    const dayLater = new Date(Date.now() + 24 * 3600_000 + 60_000).toISOString();
    const response = await call('/api/v1/auth/email-verification/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-now': dayLater },
      body: JSON.stringify({ token }),
    });
    expect(response.status).toBe(400);
  });
});
