import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadFixture } from '../../test/unit/load-fixture';
import { trusted } from '../../test/unit/trusted-event';
import type { LineFieldsInput } from '../../utils/api/line-schema';
import type { Envelope } from '../../utils/messaging';
import { siteAdapters } from '../adapters';
import { annotatePage } from './annotate-page';
import { fakeEstimate as estimated } from '../../test/unit/fake-estimate';


/** The background, as far as the content script sees it: every message it sent, and answers. */
function fakeBackground() {
  const sent: Envelope[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: Envelope) => {
    sent.push(message);
    if (message.type === 'estimate-lines') {
      const { lines } = message.payload as { lines: LineFieldsInput[] };
      return { ok: true, ruleVersion: 1, results: lines.map(estimated) };
    }
    if (message.type === 'record-purchase') return { ok: true, recorded: 0, duplicates: 0 };
    return { ok: true };
  }) as never);
  const payloads = (type: string) =>
    sent
      .filter((message) => message.type === type)
      .map((message) => message.payload as Record<string, unknown>);
  return { payloads };
}

/** Each test's page annotation, stopped after it so that it cannot answer the next test's page. */
let annotation: AbortController;

describe('annotatePage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    annotation = new AbortController();
  });
  afterEach(() => annotation.abort());

  test('rows a single-page app replaced with new elements are no longer counted nor recorded', async () => {
    const page = loadFixture('cart-table.html');
    const tbody = document.querySelector('#cart tbody')!;
    const rowsAsServed = tbody.innerHTML;
    const background = fakeBackground();
    annotatePage(page, siteAdapters, annotation.signal);
    await vi.waitFor(() =>
      expect(background.payloads('report-page-summary')).toEqual([
        expect.objectContaining({ lineCount: 4 }),
      ]),
    );

    tbody.innerHTML = rowsAsServed; // the same four lines, re-rendered as new rows
    await vi.waitFor(() => expect(background.payloads('report-page-summary')).toHaveLength(2));
    expect(background.payloads('report-page-summary')[1]).toMatchObject({
      lineCount: 4,
      estimatedCount: 4,
      totalKg: 792.28,
    });

    const record = document
      .querySelector('[data-spendprint-host="record"]')!
      .shadowRoot!.querySelector('button')!;
    record.dispatchEvent(trusted(new MouseEvent('click')));
    await vi.waitFor(() => expect(background.payloads('record-purchase')).toHaveLength(1));
    expect(background.payloads('record-purchase')[0]!.lines).toHaveLength(4);
  });

  test('a row a single-page app removes leaves the page total, the record button and the report', async () => {
    const page = loadFixture('cart-table.html');
    const background = fakeBackground();
    annotatePage(page, siteAdapters, annotation.signal);
    await vi.waitFor(() => expect(background.payloads('report-page-summary')).toHaveLength(1));
    const pageTotal = () => document.querySelector('[data-spendprint-host="total"]')!.getAttribute('data-spendprint-total-kg');
    const before = Number(pageTotal());

    const laptopRow = [...document.querySelectorAll('#cart tbody tr')].find((row) => /laptop/i.test(row.textContent ?? ''))!;
    laptopRow.remove();
    await vi.waitFor(() => expect(background.payloads('report-page-summary')).toHaveLength(2));
    expect(background.payloads('report-page-summary')[1]).toMatchObject({ lineCount: 3 });
    expect(Number(pageTotal())).toBeLessThan(before);
    const record = document.querySelector('[data-spendprint-host="record"]')!.shadowRoot!.textContent;
    expect(record).toMatch(/\b3 lines on this/);
  });

  test('a page that is left takes its lines out of the tab total, and reports them again when restored from the back/forward cache', async () => {
    const page = loadFixture('cart-table.html');
    const background = fakeBackground();
    annotatePage(page, siteAdapters, annotation.signal);
    await vi.waitFor(() => expect(background.payloads('report-page-summary')).toHaveLength(1));
    const reported = background.payloads('report-page-summary')[0];

    dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(background.payloads('forget-page-summary')).toEqual([{}]));
    dispatchEvent(new Event('pageshow')); // a normal load: nothing to restore
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await vi.waitFor(() => expect(background.payloads('report-page-summary')).toEqual([reported, reported]));

    annotation.abort(); // a superseded content script no longer speaks for the page
    dispatchEvent(new Event('pagehide'));
    expect(background.payloads('forget-page-summary')).toHaveLength(1);
  });
});
