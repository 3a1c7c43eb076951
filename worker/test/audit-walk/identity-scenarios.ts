import { Secret, TOTP } from 'otpauth';
import { routeOutboundFetch } from '../../src/features/sso/testing/outbound';
import {
  exchange,
  extensionSignInCode,
  ssoTenant,
} from '../../src/features/sso/testing/sso-fixture';
import { StubDohResolver } from '../../src/features/sso/testing/stub-doh-resolver';
import { StubOidcProvider } from '../../src/features/sso/testing/stub-oidc-provider';
import { signIn, TEST_PASSWORD } from '../fixtures';
import { mailedToken } from '../mailbox';
import { call, json } from '../http';
import type { Scenario, Walk } from './walk';

const NEW_PASSWORD = 'a brand new passphrase 42';

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function enrolTotp(walk: Walk, token: string) {
  const { secret } = await walk.ok<{ secret: string }>(token, 'POST', '/api/v1/auth/totp/enroll');
  return new TOTP({ secret: Secret.fromBase32(secret) });
}

async function withSsoProvider(walk: Walk) {
  const idp = await StubOidcProvider.start(`idp-${walk.tenant.slug}.stub.test`);
  const doh = new StubDohResolver();
  routeOutboundFetch({ [idp.host]: idp.fetch, [doh.host]: doh.fetch });
  return { idp, doh };
}

async function addDomain(walk: Walk, admin: string) {
  return walk.ok<{ id: string; verification: { recordName: string; recordValue: string } }>(
    admin,
    'POST',
    '/api/v1/sso/domains',
    { domain: `${walk.tenant.slug}.test` },
  );
}

export const IDENTITY_SCENARIOS: Record<string, Scenario> = {
  'POST /api/v1/auth/refresh': {
    appends: 1,
    async run(walk, measure) {
      const signedIn = await json<{ refreshToken: string }>(
        await postJson('/api/v1/auth/login', {
          email: walk.tenant.emails.buyer,
          password: TEST_PASSWORD,
          client: 'extension',
        }),
      );
      return measure(() =>
        postJson('/api/v1/auth/refresh', { refreshToken: signedIn.refreshToken }),
      );
    },
  },
  'POST /api/v1/auth/sso/exchange': {
    appends: 1,
    async run(_walk, measure) {
      const { tenant, idp } = await ssoTenant('walk-sso-exchange');
      const handoff = await extensionSignInCode(idp, tenant.emails.buyer);
      return measure(() => exchange(handoff));
    },
  },
  'POST /api/v1/auth/login': {
    appends: 1,
    run: (walk, measure) =>
      measure(() =>
        postJson('/api/v1/auth/login', {
          email: walk.tenant.emails.viewer,
          password: TEST_PASSWORD,
        }),
      ),
  },
  'POST /api/v1/auth/verify-2fa': {
    appends: 1,
    async run(walk, measure) {
      const token = await signIn(walk.tenant.emails.analyst);
      const device = await enrolTotp(walk, token);
      await walk.ok(token, 'POST', '/api/v1/auth/totp/confirm', { code: device.generate() });
      const { challenge } = await json<{ challenge: string }>(
        await postJson('/api/v1/auth/login', {
          email: walk.tenant.emails.analyst,
          password: TEST_PASSWORD,
        }),
      );
      // The confirm step used the current code; the next step's code is single-use-safe.
      const later = Date.now() + 30_000;
      return measure(() =>
        postJson(
          '/api/v1/auth/verify-2fa',
          { challenge, code: device.generate({ timestamp: later }) },
          { 'x-test-now': new Date(later).toISOString() },
        ),
      );
    },
  },
  'POST /api/v1/auth/logout': {
    appends: 1,
    run: async (walk, measure) => {
      const token = await walk.admin();
      return measure(() => walk.call(token, 'POST', '/api/v1/auth/logout'));
    },
  },
  'POST /api/v1/auth/totp/enroll': {
    appends: 1,
    run: async (walk, measure) => {
      const token = await signIn(walk.tenant.emails.buyer);
      return measure(() => walk.call(token, 'POST', '/api/v1/auth/totp/enroll'));
    },
  },
  'POST /api/v1/auth/totp/confirm': {
    appends: 1,
    run: async (walk, measure) => {
      const token = await signIn(walk.tenant.emails.buyer);
      const device = await enrolTotp(walk, token);
      return measure(() =>
        walk.call(token, 'POST', '/api/v1/auth/totp/confirm', { code: device.generate() }),
      );
    },
  },
  'POST /api/v1/auth/password-reset': {
    appends: 1,
    run: (walk, measure) =>
      measure(() => postJson('/api/v1/auth/password-reset', { email: walk.tenant.emails.viewer })),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      await postJson('/api/v1/auth/password-reset', { email: walk.tenant.emails.viewer });
      const token = await mailedToken(admin, walk.tenant.emails.viewer);
      return measure(() =>
        postJson('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD }),
      );
    },
  },
  'POST /api/v1/auth/email-verification': {
    appends: 1,
    run: async (walk, measure) => {
      const token = await signIn(walk.tenant.emails.viewer);
      return measure(() => walk.call(token, 'POST', '/api/v1/auth/email-verification'));
    },
  },
  'POST /api/v1/auth/email-verification/confirm': {
    appends: 1,
    async run(walk, measure) {
      const viewer = await signIn(walk.tenant.emails.viewer);
      await walk.ok(viewer, 'POST', '/api/v1/auth/email-verification');
      const token = await mailedToken(await walk.admin(), walk.tenant.emails.viewer);
      return measure(() => postJson('/api/v1/auth/email-verification/confirm', { token }));
    },
  },
  'POST /api/v1/invitations': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      return measure(() =>
        walk.call(admin, 'POST', '/api/v1/invitations', {
          email: `new@${walk.tenant.slug}.test`,
          role: 'buyer',
        }),
      );
    },
  },
  'POST /api/v1/auth/invitations/accept': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const email = `invitee@${walk.tenant.slug}.test`;
      await walk.ok(admin, 'POST', '/api/v1/invitations', { email, role: 'viewer' });
      const token = await mailedToken(admin, email);
      return measure(() =>
        postJson('/api/v1/auth/invitations/accept', {
          token,
          name: 'Invitee',
          password: NEW_PASSWORD,
        }),
      );
    },
  },
  'PATCH /api/v1/members/{userId}': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      const path = `/api/v1/members/${walk.tenant.userIds.viewer}`;
      return measure(() => walk.call(admin, 'PATCH', path, { role: 'analyst' }));
    },
  },
  'DELETE /api/v1/members/{userId}': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      const path = `/api/v1/members/${walk.tenant.userIds.viewer}`;
      return measure(() => walk.call(admin, 'DELETE', path));
    },
  },
  'POST /api/v1/teams': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      return measure(() => walk.call(admin, 'POST', '/api/v1/teams', { name: 'Facilities' }));
    },
  },
  'PUT /api/v1/teams/{teamId}/members/{userId}': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      const path = `/api/v1/teams/${walk.tenant.teamId}/members/${walk.tenant.userIds.buyer}`;
      return measure(() => walk.call(admin, 'PUT', path, { isManager: true }));
    },
  },
  'POST /api/v1/api-keys': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      const body = { name: 'ERP sync', scopes: ['estimates:read'] };
      return measure(() => walk.call(admin, 'POST', '/api/v1/api-keys', body));
    },
  },
  'DELETE /api/v1/api-keys/{id}': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const { id } = await walk.ok<{ id: string }>(admin, 'POST', '/api/v1/api-keys', {
        name: 'old',
        scopes: ['estimates:read'],
      });
      return measure(() => walk.call(admin, 'DELETE', `/api/v1/api-keys/${id}`));
    },
  },
  'PUT /api/v1/sso': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const { idp } = await withSsoProvider(walk);
      return measure(() => walk.call(admin, 'PUT', '/api/v1/sso', idp.connectionSettings()));
    },
  },
  'DELETE /api/v1/sso': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const { idp } = await withSsoProvider(walk);
      await walk.ok(admin, 'PUT', '/api/v1/sso', idp.connectionSettings());
      return measure(() => walk.call(admin, 'DELETE', '/api/v1/sso'));
    },
  },
  'POST /api/v1/sso/domains': {
    appends: 1,
    run: async (walk, measure) => {
      const admin = await walk.admin();
      const body = { domain: `${walk.tenant.slug}.test` };
      return measure(() => walk.call(admin, 'POST', '/api/v1/sso/domains', body));
    },
  },
  'POST /api/v1/sso/domains/{id}/verify': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const { doh } = await withSsoProvider(walk);
      const added = await addDomain(walk, admin);
      doh.publishTxt(added.verification.recordName, added.verification.recordValue);
      const path = `/api/v1/sso/domains/${added.id}/verify`;
      return measure(() => walk.call(admin, 'POST', path));
    },
  },
  'DELETE /api/v1/sso/domains/{id}': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const added = await addDomain(walk, admin);
      return measure(() => walk.call(admin, 'DELETE', `/api/v1/sso/domains/${added.id}`));
    },
  },
};
