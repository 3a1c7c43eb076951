import { describe, expect, it } from 'vitest';
import { createTenant, signIn, signInAs } from '../../../test/fixtures';
import { auditActions, send, sendJson } from '../../../test/spend-helpers';

interface Queue {
  items: {
    id: string;
    kind: string;
    spendLineId: string | null;
    supplier: string | null;
    candidates: unknown[];
    suggestedNaics: string | null;
  }[];
}
interface Page {
  lines: { id: string; naics: string; needsReview: boolean; classificationSource: string }[];
}

const misc = (date: string, amount: number) => ({
  description: 'zzqx widget thing',
  amount,
  currency: 'USD',
  date,
  supplier: 'Obscure Supplies Ltd',
});

describe('review queue', () => {
  it('resolves with a rule and re-estimates every affected line', async () => {
    const tenant = await createTenant('review');
    const [buyer, analyst] = await signInAs(tenant, 'buyer', 'analyst');
    await sendJson(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [misc('2024-01-05', 100), misc('2024-02-05', 200)],
      },
      201,
    );
    const queue = await sendJson<Queue>(analyst, 'GET', '/api/v1/review');
    expect(queue.items).toHaveLength(2);
    const resolved = await sendJson<{ ruleId: string; reestimated: number; ruleVersion: number }>(
      analyst,
      'POST',
      `/api/v1/review/${queue.items[0]!.id}/resolve`,
      { naics: '332510', makeRule: 'supplier' },
    );
    expect(resolved).toMatchObject({ reestimated: 2, ruleVersion: 1 });
    const lines = await sendJson<Page>(analyst, 'GET', '/api/v1/spend/lines');
    expect(lines.lines.map((l) => [l.naics, l.needsReview, l.classificationSource])).toEqual([
      ['332510', false, 'tenant-rule'],
      ['332510', false, 'tenant-rule'],
    ]);
    expect((await sendJson<Queue>(analyst, 'GET', '/api/v1/review')).items).toHaveLength(0);
    // Later purchases from the supplier follow the rule.
    const later = await sendJson<{ lines: { naics: string; needsReview: boolean }[] }>(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [misc('2024-03-05', 300)],
      },
      201,
    );
    expect(later.lines[0]).toMatchObject({ naics: '332510', needsReview: false });
    expect(await auditActions(tenant.id)).toContain('review.resolve');
    const again = await send(analyst, 'POST', `/api/v1/review/${queue.items[0]!.id}/resolve`, {
      naics: '332510',
    });
    expect(again.status).toBe(409);
  });

  it("turns a buyer's correction into a description-hash rule without storing the text", async () => {
    const tenant = await createTenant('correction');
    const [buyer, analyst] = await signInAs(tenant, 'buyer', 'analyst');
    const { id } = await sendJson<{ id: string }>(
      buyer,
      'POST',
      '/api/v1/review/corrections',
      {
        description: 'Blue widget gizmo 40mm',
        suggestedNaics: '332722',
        supplier: 'Acme Fasteners',
      },
      201,
    );
    const queue = await sendJson<Queue>(analyst, 'GET', '/api/v1/review');
    expect(queue.items[0]).toMatchObject({ id, kind: 'correction', suggestedNaics: '332722' });
    await sendJson(analyst, 'POST', `/api/v1/review/${id}/resolve`, {
      naics: '332722',
      makeRule: 'description-hash',
    });
    const estimate = await sendJson<{ results: { naics: string; classificationSource: string }[] }>(
      buyer,
      'POST',
      '/api/v1/estimates',
      {
        lines: [{ description: 'BLUE widget-gizmo 40MM', amount: 10 }],
      },
    );
    expect(estimate.results[0]).toMatchObject({
      naics: '332722',
      classificationSource: 'tenant-rule',
    });
  });

  it('refuses an unknown NAICS or a rule from a missing field, changing nothing', async () => {
    const tenant = await createTenant('review-invalid');
    const [buyer, analyst] = await signInAs(tenant, 'buyer', 'analyst');
    const { id } = await sendJson<{ id: string }>(
      buyer,
      'POST',
      '/api/v1/review/corrections',
      {
        description: 'something',
        suggestedNaics: '332722',
      },
      201,
    );
    for (const body of [
      { naics: '999999' },
      { naics: '3327' },
      { naics: '332722', makeRule: 'gl-account' },
    ]) {
      const response = await send(analyst, 'POST', `/api/v1/review/${id}/resolve`, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await sendJson<Queue>(analyst, 'GET', '/api/v1/review')).items).toHaveLength(1);
    expect(
      (await send(analyst, 'POST', '/api/v1/review/rv_missing/resolve', { naics: '332722' }))
        .status,
    ).toBe(404);
  });

  it('searches NAICS by code, title words and index entries', async () => {
    const tenant = await createTenant('naics-search');
    const buyer = await signIn(tenant.emails.buyer);
    const byCode = await sendJson<{ results: { naics: string; matchedBy: string }[] }>(
      buyer,
      'GET',
      '/api/v1/naics/search?q=33411',
    );
    expect(byCode.results.map((r) => r.naics)).toContain('334111');
    const byWords = await sendJson<{ results: { naics: string }[] }>(
      buyer,
      'GET',
      '/api/v1/naics/search?q=laptop%20computer',
    );
    expect(byWords.results.map((r) => r.naics)).toContain('334111');
    expect((await send(buyer, 'GET', '/api/v1/naics/search?q=a')).status).toBe(400);
  });
});
