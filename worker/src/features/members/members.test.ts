import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { mailedToken } from '../../../test/mailbox';

const send = (
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  call(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('members and teams', () => {
  it('changes a role, ending that member’s sessions', async () => {
    const tenant = await createTenant('roles');
    const admin = await signIn(tenant.emails.admin);
    const viewer = await signIn(tenant.emails.viewer);
    const changed = await send('PATCH', `/api/v1/members/${tenant.userIds.viewer}`, admin, {
      role: 'analyst',
    });
    expect(changed.status).toBe(204);
    expect((await call('/api/v1/auth/me', { headers: bearer(viewer) })).status).toBe(401);
    const again = await signIn(tenant.emails.viewer);
    expect(await json(await call('/api/v1/auth/me', { headers: bearer(again) }))).toMatchObject({
      role: 'analyst',
    });
  });

  it('keeps at least one admin', async () => {
    const tenant = await createTenant('last-admin');
    const admin = await signIn(tenant.emails.admin);
    const demote = await send('PATCH', `/api/v1/members/${tenant.userIds.admin}`, admin, {
      role: 'viewer',
    });
    expect(demote.status).toBe(409);
  });

  it('creates teams and names their managers', async () => {
    const tenant = await createTenant('teams');
    const admin = await signIn(tenant.emails.admin);
    const team = await json<{ id: string }>(
      await send('POST', '/api/v1/teams', admin, { name: 'Facilities', costCentre: 'CC-9' }),
    );
    expect(
      (
        await send('PUT', `/api/v1/teams/${team.id}/members/${tenant.userIds.viewer}`, admin, {
          isManager: true,
        })
      ).status,
    ).toBe(204);
    const { members } = await json<{
      members: { userId: string; teams: { name: string; isManager: boolean }[] }[];
    }>(await call('/api/v1/members', { headers: bearer(admin) }));
    expect(members.find((m) => m.userId === tenant.userIds.viewer)!.teams).toContainEqual({
      teamId: team.id,
      name: 'Facilities',
      isManager: true,
    });
    expect((await send('POST', '/api/v1/teams', admin, { name: 'Facilities' })).status).toBe(409);
  });
});

describe('invitations and password reset', () => {
  it('invites by email; the link creates the account once', async () => {
    const tenant = await createTenant('invite');
    const admin = await signIn(tenant.emails.admin);
    const email = `new-${crypto.randomUUID().slice(0, 6)}@invite.test`;
    expect(
      (
        await send('POST', '/api/v1/invitations', admin, {
          email,
          role: 'buyer',
          teamId: tenant.teamId,
        })
      ).status,
    ).toBe(202);
    const token = await mailedToken(admin, email);
    const body = { token, name: 'New Buyer', password: 'a long enough password' };
    expect((await send('POST', '/api/v1/auth/invitations/accept', null, body)).status).toBe(200);
    expect((await send('POST', '/api/v1/auth/invitations/accept', null, body)).status).toBe(400);
    const session = await signIn(email, 'a long enough password');
    expect(await json(await call('/api/v1/auth/me', { headers: bearer(session) }))).toMatchObject({
      role: 'buyer',
      tenant: { id: tenant.id },
    });
  });

  it('resets a password with a single-use, expiring link and reveals no accounts', async () => {
    const tenant = await createTenant('reset');
    const admin = await signIn(tenant.emails.admin);
    const old = await signIn(tenant.emails.analyst);
    expect(
      (await send('POST', '/api/v1/auth/password-reset', null, { email: 'nobody@nowhere.test' }))
        .status,
    ).toBe(202);
    expect(
      (await send('POST', '/api/v1/auth/password-reset', null, { email: tenant.emails.analyst }))
        .status,
    ).toBe(202);
    const token = await mailedToken(admin, tenant.emails.analyst);
    const late = new Date(Date.now() + 2 * 3600_000).toISOString();
    const expired = await send(
      'POST',
      '/api/v1/auth/password-reset/confirm',
      null,
      { token, password: 'brand new password' },
      { 'x-test-now': late },
    );
    expect(expired.status).toBe(400);
    const reset = await send('POST', '/api/v1/auth/password-reset/confirm', null, {
      token,
      password: 'brand new password',
    });
    expect(reset.status).toBe(200);
    expect((await call('/api/v1/auth/me', { headers: bearer(old) })).status).toBe(401);
    await signIn(tenant.emails.analyst, 'brand new password');
  });
});
