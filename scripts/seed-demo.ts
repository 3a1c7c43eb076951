/**
 * `npm run seed:demo`: idempotent demo data in the LOCAL D1 database only (the one under
 * .wrangler/state that `npm start` serves). There is no flag to point it anywhere else.
 */
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../worker/src/db/schema';
import { hashPassword } from '../worker/src/lib/crypto/password';
import type { Role } from '../shared/roles';
import { DEMO_PASSWORD } from './local-env';
import { withLocalBindings } from './local-state';
import { localDescriptionSecret, seedDemoSpend } from './demo/seed-spend';

/** The demo user whose email address is not confirmed yet. */
export const UNVERIFIED_DEMO_EMAIL = 'viewer@acme.test';

const TENANTS = [
  { id: 'tnt_acme', name: 'Acme Manufacturing', slug: 'acme', plan: 'enterprise' as const },
  { id: 'tnt_bright', name: 'Bright Web Studio', slug: 'bright', plan: 'professional' as const },
];

const USERS: {
  email: string;
  name: string;
  tenantId: string;
  role: Role;
  team?: string;
  manager?: boolean;
}[] = [
  { email: 'admin@acme.test', name: 'Ada Admin', tenantId: 'tnt_acme', role: 'admin' },
  {
    email: 'approver@acme.test',
    name: 'Arthur Approver',
    tenantId: 'tnt_acme',
    role: 'approver',
    team: 'Sustainability',
    manager: true,
  },
  {
    email: 'analyst@acme.test',
    name: 'Ana Analyst',
    tenantId: 'tnt_acme',
    role: 'analyst',
    team: 'Sustainability',
  },
  {
    email: 'buyer@acme.test',
    name: 'Bo Buyer',
    tenantId: 'tnt_acme',
    role: 'buyer',
    team: 'Procurement',
  },
  {
    email: 'viewer@acme.test',
    name: 'Vi Viewer',
    tenantId: 'tnt_acme',
    role: 'viewer',
    team: 'Procurement',
    manager: true,
  },
  { email: 'auditor@acme.test', name: 'Audrey Auditor', tenantId: 'tnt_acme', role: 'auditor' },
  { email: 'admin@bright.test', name: 'Bea Bright', tenantId: 'tnt_bright', role: 'admin' },
];

const TEAMS = [
  { id: 'team_acme_procurement', tenantId: 'tnt_acme', name: 'Procurement', costCentre: 'CC-100' },
  {
    id: 'team_acme_sustainability',
    tenantId: 'tnt_acme',
    name: 'Sustainability',
    costCentre: 'CC-200',
  },
  { id: 'team_acme_operations', tenantId: 'tnt_acme', name: 'Operations', costCentre: 'CC-300' },
  { id: 'team_bright_studio', tenantId: 'tnt_bright', name: 'Studio', costCentre: 'B-1' },
];

/** The D1 binding type, named without pulling Workers globals into this Node script. */
type D1Database = Parameters<typeof drizzle>[0];

const slug = (email: string) => email.replace(/[^a-z0-9]+/g, '_');

export async function seedDemo(
  d1: D1Database,
  now = new Date(),
  descriptionSecret = localDescriptionSecret(),
): Promise<void> {
  const db = drizzle(d1, { schema });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const teamId = (tenantId: string, name?: string) =>
    TEAMS.find((team) => team.tenantId === tenantId && team.name === name)?.id;
  await db.batch([
    db
      .insert(schema.tenants)
      .values(TENANTS.map((t) => ({ ...t, createdAt: now })))
      .onConflictDoNothing(),
    db
      .insert(schema.teams)
      .values(TEAMS.map((t) => ({ ...t, createdAt: now })))
      .onConflictDoNothing(),
    db
      .insert(schema.users)
      .values(
        USERS.map((u) => ({
          id: `usr_${slug(u.email)}`,
          email: u.email,
          name: u.name,
          passwordHash,
          // One demo user has not confirmed their address yet, so the console can show the flow.
          emailVerifiedAt: u.email === UNVERIFIED_DEMO_EMAIL ? null : now,
          createdAt: now,
        })),
      )
      .onConflictDoNothing(),
    db
      .insert(schema.memberships)
      .values(
        USERS.map((u) => ({
          id: `mem_${slug(u.email)}`,
          tenantId: u.tenantId,
          userId: `usr_${slug(u.email)}`,
          role: u.role,
          createdAt: now,
        })),
      )
      .onConflictDoNothing(),
    ...USERS.filter((u) => u.team).map((u) =>
      db
        .insert(schema.teamMembers)
        .values({
          tenantId: u.tenantId,
          teamId: teamId(u.tenantId, u.team)!,
          userId: `usr_${slug(u.email)}`,
          isManager: u.manager ?? false,
        })
        .onConflictDoNothing(),
    ),
  ]);
  const lines = await seedDemoSpend(db, descriptionSecret, now);
  console.info(
    `Seeded ${lines} demo spend lines for Acme (twelve months and this month so far, rules, a supplier factor).`,
  );
}

export const DEMO_SIGN_IN = USERS.map((u) => u.email);

/**
 * Seeds a local D1 database through wrangler's platform proxy: the default one under
 * .wrangler/state, or the one `wrangler dev --persist-to <dir>` uses (browser tests).
 */
export async function seedLocalDatabase(persistTo?: string): Promise<void> {
  await withLocalBindings(persistTo, (env: { DB: D1Database }) => seedDemo(env.DB));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.slice(2).some((arg) => arg.includes('remote') || arg.includes('env'))) {
    console.error('seed:demo writes only the local database; it takes no target.');
    process.exit(2);
  }
  await seedLocalDatabase();
  console.info(
    `Seeded ${TENANTS.length} tenants and ${USERS.length} users into the local D1 database.`,
  );
}
