import { AppError, ErrorCode } from '../../../../shared/errors';
import type { GlobalDb } from '../../db/global-db';
import { reports } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { Env } from '../../env';
import { discardSealed } from '../../lib/object-store';
import { writeWithAudit } from '../audit/append';
import { currentRuleVersion } from '../rules/classification-version';
import { sealArtefacts } from './report-artefacts';
import { renderArtefacts } from './report-render';
import { buildReportContent, pinnedFactorSets } from './report-content';
import { periodLines, teamNamesOf, tenantName, userNames, type PeriodRow } from './report-inputs';
import type { ReportRow } from './workflow';

export interface PrepareInput {
  period: PeriodRow;
  actor: string;
  requestId: string;
  at: Date;
  /** The version this one corrects (a revision), or null for a first version. */
  supersedes: ReportRow | null;
}

export const checksums = (row: ReportRow) =>
  Object.fromEntries(row.artefacts.map((a) => [a.format, a.sha256]));

/**
 * Computes the report from the period's lines as they are now, renders and seals its
 * artefacts, and records the draft with its audit row in one batch. The uploaded objects are
 * removed again if that batch fails, so nothing half-written remains.
 */
export async function prepareReport(
  env: Env,
  db: TenantDb,
  globalDb: GlobalDb,
  input: PrepareInput,
): Promise<ReportRow> {
  const { period, supersedes, at } = input;
  const [lines, teamNames, ruleVersion, name, nameOf] = await Promise.all([
    periodLines(db, period),
    teamNamesOf(db),
    currentRuleVersion(db),
    tenantName(globalDb, db.tenantId),
    userNames(globalDb, [input.actor]),
  ]);
  const id = `rpt_${crypto.randomUUID()}`;
  const version = supersedes ? supersedes.version + 1 : 1;
  const content = buildReportContent(
    {
      reportId: id,
      version,
      supersedesId: supersedes?.id ?? null,
      tenant: { id: db.tenantId, name },
      period: {
        id: period.id,
        name: period.name,
        startDate: period.startDate,
        endDate: period.endDate,
        status: period.status,
      },
      preparedBy: nameOf(input.actor),
      preparedAt: at,
      ruleVersion,
      teamNames,
    },
    lines,
  );
  const context = { actor: input.actor, requestId: input.requestId, at };
  const sealed = await sealArtefacts(env, db, id, await renderArtefacts(content), context);
  const row: ReportRow = {
    id,
    tenantId: db.tenantId,
    version,
    supersedesId: supersedes?.id ?? null,
    periodId: period.id,
    periodName: period.name,
    periodStart: period.startDate,
    periodEnd: period.endDate,
    periodStatus: period.status,
    status: 'draft',
    preparedBy: input.actor,
    preparedAt: at,
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    ruleVersion,
    factorSets: pinnedFactorSets(content),
    kgCO2e: content.totals.kgCO2e,
    spendUsd: content.totals.spendUsd,
    lineCount: content.totals.lines,
    unestimatedCount: content.totals.unestimatedLines,
    artefacts: sealed.artefacts,
    createdAt: at,
  };
  const { tenantId: _tenant, ...values } = row;
  try {
    await writeWithAudit(db, [...sealed.statements, db.insert(reports, values)], {
      actor: input.actor,
      action: supersedes ? 'report.revise' : 'report.prepare',
      entityType: 'report',
      entityId: id,
      changes: {
        before: supersedes ? { reportId: supersedes.id, version: supersedes.version } : {},
        after: {
          status: 'draft',
          periodId: period.id,
          version,
          ruleVersion,
          kgCO2e: row.kgCO2e,
          lines: row.lineCount,
          sha256: checksums(row),
        },
      },
      requestId: input.requestId,
      at,
    });
  } catch (error) {
    await discardSealed(env.BUCKET, sealed.objects);
    if (supersedes && /reports\.supersedes_id/.test(String((error as Error)?.cause ?? error))) {
      throw new AppError(
        ErrorCode.conflict,
        `Version ${supersedes.version} was revised meanwhile.`,
      );
    }
    throw error;
  }
  return row;
}
