import { and, eq } from 'drizzle-orm';
import type { drizzle } from 'drizzle-orm/d1';
import { existsSync, readFileSync } from 'node:fs';
import type { TenantRule } from '../../shared/engine';
import { hashDescription } from '../../worker/src/features/estimates/description-hash';
import * as schema from '../../worker/src/db/schema';
import { chunkForParameters } from '../../worker/src/db/bulk';
import { TenantDb } from '../../worker/src/db/tenant-db';
import { writeWithAudit } from '../../worker/src/features/audit/append';
import { ledgerOf } from '../../worker/src/features/spend/ledger';
import { ACME, DEMO_RULES, DEMO_SUPPLIER_FACTOR, demoSpend, lastTwelveMonths } from './demo-spend';

type Db = ReturnType<typeof drizzle<typeof schema>>;

/**
 * The Worker's description-hash secret from .dev.vars, so demo hashes match what the local
 * Worker computes (dedup and description-hash rules then work on demo lines too).
 */
export function localDescriptionSecret(): string {
  const vars = existsSync('.dev.vars') ? readFileSync('.dev.vars', 'utf8') : '';
  const found = /^DESCRIPTION_HASH_SECRET='?([^'\n]+)'?$/m.exec(vars)?.[1];
  if (found) return found;
  console.warn(
    'No DESCRIPTION_HASH_SECRET in .dev.vars (run npm start once); demo hashes will not match the Worker.',
  );
  return 'demo-description-hash-secret';
}

/** Idempotent: fixed ids and INSERT … ON CONFLICT DO NOTHING everywhere. */
export async function seedDemoSpend(db: Db, secret: string, now: Date): Promise<number> {
  const at = now;
  const months = lastTwelveMonths(now);
  const rules: TenantRule[] = await Promise.all(
    DEMO_RULES.map(async ({ text, ...r }) => ({
      ...r,
      match: r.kind === 'description-hash' ? await hashDescription(secret, ACME, text!) : r.match,
      enabled: true,
      version: 1,
    })),
  );
  const factor = DEMO_SUPPLIER_FACTOR(`${months[0]}-01`);
  const lines = await demoSpend(secret, now, rules, factor);
  const actor = 'usr_analyst_acme_test';
  const statements = [
    db
      .insert(schema.tenantRules)
      .values(
        rules.map((r) => ({
          ...r,
          tenantId: ACME,
          createdAt: at,
          createdBy: actor,
          updatedAt: at,
          updatedBy: actor,
        })),
      )
      .onConflictDoNothing(),
    db
      .insert(schema.tenantRuleVersions)
      .values(
        rules.map((r) => ({
          tenantId: ACME,
          ruleId: r.id,
          version: 1,
          kind: r.kind,
          match: r.match,
          naics: r.naics,
          enabled: true,
          changedAt: at,
          changedBy: actor,
        })),
      )
      .onConflictDoNothing(),
    db
      .insert(schema.supplierFactors)
      .values({
        id: factor.id,
        tenantId: ACME,
        supplier: factor.supplier,
        kgPerUsd: factor.kgPerUsd ?? null,
        validFrom: factor.validFrom,
        source: factor.source,
        sourceDocument: 'demo: dell-pcf-2023.pdf',
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing(),
    db
      .insert(schema.classificationVersions)
      .values({ tenantId: ACME, ruleVersion: rules.length + 1 })
      .onConflictDoNothing(),
    ...chunkForParameters(lines.map((l) => l.row)).map((chunk) =>
      db
        .insert(schema.spendLines)
        .values(chunk as never)
        .onConflictDoNothing(),
    ),
    ...chunkForParameters(lines.flatMap((l) => (l.review ? [l.review] : []))).map((chunk) =>
      db
        .insert(schema.reviewItems)
        .values(chunk as never)
        .onConflictDoNothing(),
    ),
  ];
  // A later day of the month adds the lines dated since: the ledger records the new ones.
  const seededBefore = new Set(
    (
      await db
        .select({ id: schema.spendLines.id })
        .from(schema.spendLines)
        .where(and(eq(schema.spendLines.tenantId, ACME), eq(schema.spendLines.source, 'demo')))
    ).map((row) => row.id),
  );
  const [first, ...rest] = statements;
  await db.batch([first!, ...rest]);
  const added = lines.filter((l) => !seededBefore.has(l.row.id as string));
  if (added.length > 0) await recordSeedInLedger(db, added, actor, at);
  return lines.length;
}

/** One audit row carries the demo lines' formula digests, as the API's writes do. */
async function recordSeedInLedger(
  db: Db,
  lines: { row: Record<string, unknown> }[],
  actor: string,
  at: Date,
) {
  await writeWithAudit(new TenantDb(db, ACME), [], {
    actor,
    action: 'spend.seed',
    entityType: 'spend-batch',
    entityId: 'demo-seed',
    changes: {
      after: {
        source: 'demo',
        ledger: await ledgerOf(lines.map((l) => l.row as { id: string; estimate: unknown })),
      },
    },
    requestId: 'seed-demo',
    at,
  });
}
