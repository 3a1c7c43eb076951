/** The report's three artefacts rendered from one content; pure (no storage). */
import type { ReportFormat } from '../../../../shared/api/reports';
import { utf8 } from '../../lib/crypto/encoding';
import type { ReportContent } from './report-content';
import { renderReportCsv } from './report-csv';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export const artefactObjectId = (reportId: string, format: ReportFormat) => `${reportId}.${format}`;

export async function renderArtefacts(
  content: ReportContent,
): Promise<Record<ReportFormat, Uint8Array>> {
  // Loaded on first use: pdf-lib with its fonts is a quarter of the bundle, and every cold
  // start would otherwise compile and evaluate it before its first request.
  const { renderReportPdf } = await import('./report-pdf');
  return {
    json: utf8(JSON.stringify(content)),
    csv: utf8(renderReportCsv(content)),
    pdf: await renderReportPdf(content),
  };
}
