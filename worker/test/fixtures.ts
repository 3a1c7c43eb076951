import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../src/db/schema';
import { hashPassword } from '../src/lib/crypto/password';
import { ROLES, type Role } from '../../shared/roles';
import { call, json } from './http';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestTenant {
  id: string;
  slug: string;
  emails: Record<Role, string>;
  userIds: Record<Role, string>;
  teamId: string;
}

/** A fresh tenant with one user per role, so no test depends on another's data. */
export async function createTenant(
  label: string,
  plan: 'free' | 'professional' | 'enterprise' = 'enterprise',
): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const suffix = `${label}-${crypto.randomUUID().slice(0, 8)}`;
  const id = `tnt_${suffix}`;
  const db = drizzle(env.DB, { schema });
  const at = new Date();
  const emails = Object.fromEntries(ROLES.map((r) => [r, `${r}@${suffix}.test`])) as Record<
    Role,
    string
  >;
  const userIds = Object.fromEntries(ROLES.map((r) => [r, `usr_${r}_${suffix}`])) as Record<
    Role,
    string
  >;
  const teamId = `team_${suffix}`;
  await db.batch([
    db
      .insert(schema.tenants)
      .values({ id, name: `Tenant ${label}`, slug: suffix, plan, createdAt: at }),
    db
      .insert(schema.teams)
      .values({ id: teamId, tenantId: id, name: 'Procurement', createdAt: at }),
    db.insert(schema.users).values(
      ROLES.map((r) => ({
        id: userIds[r],
        email: emails[r],
        name: `${r} of ${label}`,
        passwordHash: hash,
        createdAt: at,
      })),
    ),
    db.insert(schema.memberships).values(
      ROLES.map((r) => ({
        id: `mem_${r}_${suffix}`,
        tenantId: id,
        userId: userIds[r],
        role: r,
        createdAt: at,
      })),
    ),
  ]);
  return { id, slug: suffix, emails, userIds, teamId };
}

export async function signIn(email: string, password = TEST_PASSWORD, headers: HeadersInit = {}) {
  const response = await call('/api/v1/auth/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': randomAddress(),
      ...headers,
    },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return (await json<{ token: string }>(response)).token;
}

/** One session token per role named, signed in together: `const [buyer, analyst] = …`. */
export function signInAs<const R extends readonly Role[]>(
  tenant: TestTenant,
  ...roles: R
): Promise<{ [K in keyof R]: string }> {
  return Promise.all(roles.map((role) => signIn(tenant.emails[role]))) as Promise<{
    [K in keyof R]: string;
  }>;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function tokensByRole(tenant: TestTenant): Promise<Record<Role, string>> {
  const entries = await Promise.all(
    ROLES.map(async (r) => [r, await signIn(tenant.emails[r])] as const),
  );
  return Object.fromEntries(entries) as Record<Role, string>;
}

/** Each sign-in from its own documentation-range address, so the per-address limit stays out of the way. */
function randomAddress(): string {
  const [a, b] = crypto.getRandomValues(new Uint8Array(2));
  return `198.51.${a}.${b}`;
}
