import type { z } from 'zod';
import type { Report, ReportFormat } from '../../../../shared/api/reports';
import type { ReportArtefact } from '../../db/schema';
import { toTonnes } from './report-content';
import type { ReportRow } from './workflow';

type Person = { id: string; name: string };

/** A file name that says what the file is: period, version and format. */
export function artefactFilename(row: ReportRow, format: ReportFormat): string {
  const period = row.periodName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `spendprint-report-${period || 'period'}-v${row.version}.${format}`;
}

function artefactView(row: ReportRow, artefact: ReportArtefact) {
  return {
    format: artefact.format,
    contentType: artefact.contentType,
    sha256: artefact.sha256,
    bytes: artefact.bytes,
    filename: artefactFilename(row, artefact.format),
  };
}

/** The API's view of a report row; `nameOf` resolves user ids to display names. */
export function toReport(
  row: ReportRow,
  nameOf: (id: string) => Person,
  supersededById: string | null,
): z.infer<typeof Report> {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: row.id,
    version: row.version,
    supersedesId: row.supersedesId,
    supersededById,
    status: row.status,
    period: {
      id: row.periodId,
      name: row.periodName,
      startDate: row.periodStart,
      endDate: row.periodEnd,
      status: row.periodStatus,
    },
    preparedBy: nameOf(row.preparedBy),
    preparedAt: row.preparedAt.toISOString(),
    submittedBy: row.submittedBy ? nameOf(row.submittedBy) : null,
    submittedAt: iso(row.submittedAt),
    decidedBy: row.decidedBy ? nameOf(row.decidedBy) : null,
    decidedAt: iso(row.decidedAt),
    decisionComment: row.decisionComment,
    pinned: { ruleVersion: row.ruleVersion, factorSets: row.factorSets },
    totals: {
      kgCO2e: row.kgCO2e,
      tCO2e: toTonnes(row.kgCO2e),
      spendUsd: row.spendUsd,
      lines: row.lineCount,
      unestimatedLines: row.unestimatedCount,
    },
    artefacts: row.artefacts.map((artefact) => artefactView(row, artefact)),
  };
}

export const peopleOf = (rows: readonly ReportRow[]) =>
  rows.flatMap((r) => [r.preparedBy, r.submittedBy, r.decidedBy]);
