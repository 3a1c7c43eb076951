import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createTenant, signInAs } from '../../../test/fixtures';
import {
  addTeamMember,
  definePeriod,
  download,
  prepare,
  recordLines,
} from '../../../test/report-helpers';

/** Far below the 128 MB a Worker may use and quick to send: the PDF shows top lists only. */
const MAX_PDF_BYTES = 250_000;

const PURCHASES = [
  ['Laptop computer 14 inch', 'Northwind Computers', 1400],
  ['Copy paper A4 80gsm, 5 reams', 'Office Supply Co', 180],
  ['Diesel fuel for delivery vans', 'Fuel Direct', 900],
  ['Corrugated shipping boxes', 'PackRight', 600],
  ['Hot rolled steel plate 10mm', 'Łódź Metal Sp. z o.o.', 9000],
  ['Hydraulic pump replacement parts', '株式会社 Tokyo Parts', 7000],
  ['Coffee beans whole, 5 lb bag', 'Café Müller', 5000],
  ['Hotel accommodation 3 nights', 'Hilton Hotels', 520],
] as const;

/** The text a page draws, one space between drawn strings (pdf-lib writes <hex> Tj in Flate streams). */
function pageText(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => doc.context.lookup(ref))
      : [contents];
  let text = '';
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const operators = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    for (const [, hex] of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const bytes = hex!.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
      text += `${new TextDecoder('windows-1252').decode(new Uint8Array(bytes))} `;
    }
  }
  return text;
}

describe('report PDF', () => {
  it('parses, shows the key figures and charts, spells every supplier name, and stays small', async () => {
    const tenant = await createTenant('report-pdf');
    await addTeamMember(tenant.id, tenant.teamId, tenant.userIds.buyer);
    const [analyst, approver, buyer] = await signInAs(tenant, 'analyst', 'approver', 'buyer');
    const lines = Array.from({ length: 12 }, (_, month) =>
      PURCHASES.flatMap(([description, supplier, amount], i) =>
        Array.from({ length: 3 }, (_, n) => ({
          description,
          supplier,
          amount: amount + month * 10 + n,
          currency: 'USD',
          date: `2024-${String(month + 1).padStart(2, '0')}-${String(n * 9 + i + 1).padStart(2, '0')}`,
          glAccount: `6${i}00`,
        })),
      ),
    ).flat();
    await recordLines(buyer, lines);
    const periodId = await definePeriod(approver, {
      name: 'FY 2024',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
    const report = await prepare(analyst, periodId);
    expect(report.totals.lines).toBe(lines.length);

    const { bytes, status } = await download(analyst, report.id, 'pdf');
    expect(status).toBe(200);
    expect(bytes.length).toBeLessThan(MAX_PDF_BYTES);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Scope 3 Category 1 report - FY 2024 (v1)');
    expect(doc.getSubject()).toContain('ESRS E1-6');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);

    const cover = pageText(doc, doc.getPage(0));
    const tonnes = (report.totals.kgCO2e / 1000).toLocaleString('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    expect(cover).toContain('Gross Scope 3 Cat. 1 (ESRS E1-6)');
    expect(cover).toContain(`${tonnes} t CO2e`);
    expect(cover).toContain('Top 10 categories (NAICS 3-digit), t CO2e');
    expect(cover).toContain('Monthly trend, t CO2e');
    expect(cover).toContain(`page 1 of ${doc.getPageCount()}`);

    const all = doc
      .getPages()
      .map((page) => pageText(doc, page))
      .join('\n');
    expect(all).toContain('Lódz Metal Sp. z o.o.'); // Ł spelled L, ź without its accent, ó kept
    expect(all).toContain('Café Müller');
    expect(all).toContain('???? Tokyo Parts');
    expect(all).toContain('Factor datasets and versions used');
    expect(all).toContain('EPA Supply Chain GHG Emission Factors');
    expect(all).toContain('Lines that could not be estimated');
  });

  it('renders the same bytes from the same content, so a checksum identifies a report', async () => {
    const { buildReportContent } = await import('./report-content');
    const { renderReportPdf } = await import('./report-pdf');
    const content = buildReportContent(
      {
        reportId: 'rpt_fixed',
        version: 1,
        supersedesId: null,
        tenant: { id: 'tnt_x', name: 'Tenant X' },
        period: {
          id: 'prd_x',
          name: 'Empty',
          startDate: '2024-01-01',
          endDate: '2024-03-31',
          status: 'open',
        },
        preparedBy: { id: 'usr_x', name: 'Ana' },
        preparedAt: new Date('2024-04-01T09:00:00Z'),
        ruleVersion: 0,
        teamNames: new Map(),
      },
      [],
    );
    const [first, second] = [await renderReportPdf(content), await renderReportPdf(content)];
    expect(first).toEqual(second);
    const doc = await PDFDocument.load(first);
    expect(pageText(doc, doc.getPage(0))).toContain('No estimated emissions in this period.');
  });
});
