/** Reads what a report is computed from: the period's spend lines and the names around them. */
import { and, asc, eq, gt, gte, inArray, lte } from 'drizzle-orm';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { GlobalDb } from '../../db/global-db';
import { periods, spendLines, teams, tenants, users } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { MAX_REPORT_LINES, type ReportLineRow } from './report-content';

const PAGE = 2_000;

export type PeriodRow = typeof periods.$inferSelect;

export async function findPeriod(db: TenantDb, id: string): Promise<PeriodRow> {
  const period = await db.findOne(periods, eq(periods.id, id));
  if (!period) throw new AppError(ErrorCode.notFound, 'No such period.');
  return period;
}

const LINE_FIELDS = {
  id: spendLines.id,
  date: spendLines.date,
  month: spendLines.month,
  naics: spendLines.naics,
  supplierKey: spendLines.supplierKey,
  supplier: spendLines.supplier,
  teamId: spendLines.teamId,
  glAccount: spendLines.glAccount,
  amount: spendLines.amount,
  currency: spendLines.currency,
  amountUsd: spendLines.amountUsd,
  kgCO2e: spendLines.kgCO2e,
  confidence: spendLines.confidence,
  calculationMethod: spendLines.calculationMethod,
  classificationSource: spendLines.classificationSource,
  status: spendLines.status,
  ruleVersion: spendLines.ruleVersion,
  estimate: spendLines.estimate,
};

/** Every spend line dated within the period (all teams), read in pages by id. */
export async function periodLines(db: TenantDb, period: PeriodRow): Promise<ReportLineRow[]> {
  const inPeriod = and(
    gte(spendLines.month, period.startDate.slice(0, 7)),
    lte(spendLines.month, period.endDate.slice(0, 7)),
    gte(spendLines.date, period.startDate),
    lte(spendLines.date, period.endDate),
  )!;
  const lines: ReportLineRow[] = [];
  for (let after = ''; ;) {
    const page = await db
      .selectFields(spendLines, LINE_FIELDS, and(inPeriod, gt(spendLines.id, after)))
      .orderBy(asc(spendLines.id))
      .limit(PAGE);
    lines.push(...page);
    if (lines.length > MAX_REPORT_LINES) {
      throw new AppError(
        ErrorCode.conflict,
        `The period holds more than ${MAX_REPORT_LINES.toLocaleString('en-US')} spend lines; prepare reports of shorter periods.`,
      );
    }
    if (page.length < PAGE) return lines;
    after = page.at(-1)!.id;
  }
}

export async function teamNamesOf(db: TenantDb): Promise<Map<string, string>> {
  const rows = await db.selectFields(teams, { id: teams.id, name: teams.name });
  return new Map(rows.map((t) => [t.id, t.name]));
}

/** Display names of the given users (ids that are not found keep the id as their name). */
export async function userNames(globalDb: GlobalDb, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = wanted.length ? await globalDb.select(users, inArray(users.id, wanted)) : [];
  const names = new Map(rows.map((u) => [u.id, u.name]));
  return (id: string) => ({ id, name: names.get(id) ?? id });
}

export async function tenantName(globalDb: GlobalDb, tenantId: string): Promise<string> {
  return (await globalDb.findOne(tenants, eq(tenants.id, tenantId)))?.name ?? tenantId;
}
