import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTenant, signIn } from '../../../test/fixtures';
import { json } from '../../../test/http';
import { routeOutboundFetch } from './testing/outbound';
import { adminCall, consoleSignIn, ssoTenant, startSso } from './testing/sso-fixture';
import { StubDohResolver } from './testing/stub-doh-resolver';
import { StubOidcProvider } from './testing/stub-oidc-provider';

afterEach(() => {
  vi.restoreAllMocks();
});

interface Domain {
  id: string;
  domain: string;
  verifiedAt: string | null;
  verification: { recordName: string; recordValue: string };
}

describe('SSO settings', () => {
  it('keeps the client secret sealed and never answers it', async () => {
    const { tenant, admin, idp } = await ssoTenant('sso-secret');
    const shown = await adminCall(admin, '/api/v1/sso');
    expect(shown.status).toBe(200);
    const body = await shown.text();
    expect(body).not.toContain(idp.clientSecret);
    expect(JSON.parse(body)).toMatchObject({
      issuer: idp.issuer,
      clientSecretSet: true,
      idTokenAlgorithms: ['RS256'],
      callbackUrl: 'http://spendprint.test/api/v1/auth/sso/callback',
    });
    for (const table of ['sso_connections', 'audit_log']) {
      const rows = await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ?`)
        .bind(tenant.id)
        .all();
      expect(JSON.stringify(rows.results)).not.toContain(idp.clientSecret);
    }
    // Updating without a secret keeps the sealed one: sign-in still works afterwards.
    const { clientSecret: _kept, ...withoutSecret } = idp.connectionSettings();
    expect((await adminCall(admin, '/api/v1/sso', 'PUT', withoutSecret)).status).toBe(200);
    expect((await consoleSignIn(idp, tenant.emails.viewer)).status).toBe(302);
  });

  it('refuses bad settings', async () => {
    const tenant = await createTenant('sso-bad', 'enterprise');
    const admin = await signIn(tenant.emails.admin);
    const idp = await StubOidcProvider.start('idp-bad.stub.test');
    const { clientSecret: _missing, ...firstWithoutSecret } = idp.connectionSettings();
    expect((await adminCall(admin, '/api/v1/sso', 'PUT', firstWithoutSecret)).status).toBe(400);
    const plainHttp = { ...idp.connectionSettings(), tokenEndpoint: 'http://idp.test/token' };
    expect((await adminCall(admin, '/api/v1/sso', 'PUT', plainHttp)).status).toBe(400);
    const hmac = { ...idp.connectionSettings(), idTokenAlgorithms: ['HS256'] };
    expect((await adminCall(admin, '/api/v1/sso', 'PUT', hmac)).status).toBe(400);
    expect((await adminCall(admin, '/api/v1/sso')).status).toBe(404);
  });

  it('answers 403 plan-required to free and professional tenants', async () => {
    for (const plan of ['free', 'professional'] as const) {
      const tenant = await createTenant(`sso-${plan}`, plan);
      const admin = await signIn(tenant.emails.admin);
      const idp = await StubOidcProvider.start('idp-plan.stub.test');
      for (const [path, method, body] of [
        ['/api/v1/sso', 'PUT', idp.connectionSettings()],
        ['/api/v1/sso', 'GET', undefined],
        ['/api/v1/sso/domains', 'POST', { domain: 'example.test' }],
      ] as const) {
        const response = await adminCall(admin, path, method, body);
        expect(response.status, `${plan} ${method} ${path}`).toBe(403);
        expect(await json(response)).toMatchObject({ plan: 'enterprise', feature: 'sso' });
      }
    }
  });

  it('lets only sso:manage change it', async () => {
    const tenant = await createTenant('sso-roles', 'enterprise');
    const analyst = await signIn(tenant.emails.analyst);
    const idp = await StubOidcProvider.start('idp-roles.stub.test');
    expect((await adminCall(analyst, '/api/v1/sso', 'PUT', idp.connectionSettings())).status).toBe(
      403,
    );
  });
});

describe('SSO domains', () => {
  it('are verified only by the TXT record with their token, through DNS-over-HTTPS', async () => {
    const tenant = await createTenant('sso-dns', 'enterprise');
    const admin = await signIn(tenant.emails.admin);
    const doh = new StubDohResolver();
    routeOutboundFetch({ [doh.host]: doh.fetch });
    const added = await adminCall(admin, '/api/v1/sso/domains', 'POST', {
      domain: `  ${tenant.slug.toUpperCase()}.Test. `,
    });
    expect(added.status).toBe(201);
    const domain = await json<Domain>(added);
    expect(domain.domain).toBe(`${tenant.slug}.test`);
    expect(domain.verification.recordName).toBe(`_spendprint.${tenant.slug}.test`);
    expect(domain.verification.recordValue).toMatch(/^spendprint-verification=[\w-]{43}$/);

    const verify = () => adminCall(admin, `/api/v1/sso/domains/${domain.id}/verify`, 'POST');
    expect((await verify()).status).toBe(409); // no record yet
    doh.publishTxt(domain.verification.recordName, 'spendprint-verification=someone-elses');
    doh.publishTxt(`${tenant.slug}.test`, domain.verification.recordValue); // wrong name
    expect((await verify()).status).toBe(409);
    doh.publishTxt(domain.verification.recordName, domain.verification.recordValue);
    const verified = await verify();
    expect(verified.status).toBe(200);
    expect((await json<Domain>(verified)).verifiedAt).not.toBeNull();
    expect(doh.queries).toContain(domain.verification.recordName);

    const again = await adminCall(admin, '/api/v1/sso/domains', 'POST', {
      domain: `${tenant.slug}.test`,
    });
    expect(again.status).toBe(409);
  });

  it('refuses names that are not domains', async () => {
    const tenant = await createTenant('sso-names', 'enterprise');
    const admin = await signIn(tenant.emails.admin);
    for (const domain of ['localhost', 'a..b.test', 'exa mple.test', '-bad.test', 'x.test/path']) {
      const response = await adminCall(admin, '/api/v1/sso/domains', 'POST', { domain });
      expect(response.status, domain).toBe(400);
    }
  });

  it('can be verified by one tenant only', async () => {
    const first = await ssoTenant('sso-claim-first');
    const other = await createTenant('sso-claim-other', 'enterprise');
    const otherAdmin = await signIn(other.emails.admin);
    const added = await json<Domain>(
      await adminCall(otherAdmin, '/api/v1/sso/domains', 'POST', { domain: first.domain }),
    );
    first.doh.publishTxt(added.verification.recordName, added.verification.recordValue);
    const verify = await adminCall(otherAdmin, `/api/v1/sso/domains/${added.id}/verify`, 'POST');
    expect(verify.status).toBe(409);
  });

  it("answer 404 to another tenant's admin and stay untouched", async () => {
    const acme = await ssoTenant('sso-acme');
    const bright = await createTenant('sso-bright', 'enterprise');
    const brightAdmin = await signIn(bright.emails.admin);
    for (const [path, method] of [
      [`/api/v1/sso/domains/${acme.domainId}/verify`, 'POST'],
      [`/api/v1/sso/domains/${acme.domainId}`, 'DELETE'],
    ] as const) {
      expect((await adminCall(brightAdmin, path, method)).status).toBe(404);
    }
    const listed = await json<{ domains: Domain[] }>(
      await adminCall(brightAdmin, '/api/v1/sso/domains'),
    );
    expect(listed.domains).toEqual([]);
    expect((await adminCall(brightAdmin, '/api/v1/sso')).status).toBe(404);
    const acmeDomains = await json<{ domains: Domain[] }>(
      await adminCall(acme.admin, '/api/v1/sso/domains'),
    );
    expect(acmeDomains.domains.map((d) => d.verifiedAt)).not.toContain(null);
  });

  it('stop routing people once removed', async () => {
    const { tenant, admin, domainId } = await ssoTenant('sso-remove');
    const removed = await adminCall(admin, `/api/v1/sso/domains/${domainId}`, 'DELETE');
    expect(removed.status).toBe(204);
    expect((await startSso(tenant.emails.admin)).response.status).toBe(401);
  });
});
