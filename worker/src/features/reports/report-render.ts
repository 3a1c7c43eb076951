/** The report's three artefacts rendered from one content; pure (no storage). */
import type { ReportFormat } from '../../../../shared/api/reports';
import { utf8 } from '../../lib/crypto/encoding';
import type { ReportContent } from './report-content';
import { renderReportCsv } from './report-csv';
import { renderReportPdf } from './report-pdf';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export const artefactObjectId = (reportId: string, format: ReportFormat) => `${reportId}.${format}`;

export async function renderArtefacts(
  content: ReportContent,
): Promise<Record<ReportFormat, Uint8Array>> {
  return {
    json: utf8(JSON.stringify(content)),
    csv: utf8(renderReportCsv(content)),
    pdf: await renderReportPdf(content),
  };
}
