import type { Scenario, Walk } from './walk';

const LINE = {
  description: 'COUPLING PVC SCHED 40 1/2 IN',
  amount: 120,
  currency: 'USD',
  date: '2026-03-14',
  supplier: 'Ferguson',
};
const FACTOR = { supplier: 'Ferguson', kgPerUsd: 0.4, validFrom: '2026-01-01', source: 'EPD 123' };
const PERIOD = { name: 'FY2026', startDate: '2026-01-01', endDate: '2026-12-31' };
const CORRECTION = { description: 'TONER CARTRIDGE HP 26A', suggestedNaics: '325910' };

function randomKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A request made with a fresh admin session, measured. */
function adminWrite(method: string, path: string, body?: unknown): Scenario['run'] {
  return async (walk, measure) => {
    const admin = await walk.admin();
    return measure(() => walk.call(admin, method, path, body));
  };
}

/** Creates something first, then measures a request on it. */
function onCreated(
  create: { path: string; body?: unknown },
  request: (id: string) => { method: string; path: string; body?: unknown },
): Scenario['run'] {
  return async (walk: Walk, measure) => {
    const admin = await walk.admin();
    const created = await walk.ok<{ id?: string; rule?: { id: string } }>(
      admin,
      'POST',
      create.path,
      create.body,
    );
    const { method, path, body } = request(created.id ?? created.rule!.id);
    return measure(() => walk.call(admin, method, path, body));
  };
}

export const DATA_SCENARIOS: Record<string, Scenario> = {
  // Estimates persist nothing (zero persistence), so they are not audited.
  'POST /api/v1/estimates': {
    appends: 0,
    run: adminWrite('POST', '/api/v1/estimates', { lines: [LINE] }),
  },
  'POST /api/v1/spend/record': {
    appends: 1,
    run: adminWrite('POST', '/api/v1/spend/record', { lines: [LINE] }),
  },
  'POST /api/v1/review/corrections': {
    appends: 1,
    run: adminWrite('POST', '/api/v1/review/corrections', CORRECTION),
  },
  // Turning review text off erases the stored text in the same batch as the setting and its row.
  'PATCH /api/v1/settings': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      await walk.ok(admin, 'PATCH', '/api/v1/settings', { keepReviewText: true });
      await walk.ok(admin, 'POST', '/api/v1/review/corrections', CORRECTION);
      return measure(() =>
        walk.call(admin, 'PATCH', '/api/v1/settings', { keepReviewText: false }),
      );
    },
  },
  'POST /api/v1/review/{id}/resolve': {
    appends: 1,
    run: onCreated({ path: '/api/v1/review/corrections', body: CORRECTION }, (id) => ({
      method: 'POST',
      path: `/api/v1/review/${id}/resolve`,
      body: { naics: '325910', makeRule: 'description-hash' },
    })),
  },
  'POST /api/v1/rules': {
    appends: 1,
    run: adminWrite('POST', '/api/v1/rules', {
      kind: 'supplier',
      match: 'Ferguson',
      naics: '423720',
    }),
  },
  'PATCH /api/v1/rules/{id}': {
    appends: 1,
    run: onCreated(
      { path: '/api/v1/rules', body: { kind: 'supplier', match: 'Ferguson', naics: '423720' } },
      (id) => ({ method: 'PATCH', path: `/api/v1/rules/${id}`, body: { enabled: false } }),
    ),
  },
  'POST /api/v1/supplier-factors': {
    appends: 1,
    run: adminWrite('POST', '/api/v1/supplier-factors', FACTOR),
  },
  'PUT /api/v1/supplier-factors/{id}': {
    appends: 1,
    run: onCreated({ path: '/api/v1/supplier-factors', body: FACTOR }, (id) => ({
      method: 'PUT',
      path: `/api/v1/supplier-factors/${id}`,
      body: { ...FACTOR, kgPerUsd: 0.35 },
    })),
  },
  'DELETE /api/v1/supplier-factors/{id}': {
    appends: 1,
    run: onCreated({ path: '/api/v1/supplier-factors', body: FACTOR }, (id) => ({
      method: 'DELETE',
      path: `/api/v1/supplier-factors/${id}`,
    })),
  },
  'POST /api/v1/periods': { appends: 1, run: adminWrite('POST', '/api/v1/periods', PERIOD) },
  'POST /api/v1/periods/{id}/sign-off': {
    appends: 1,
    run: onCreated({ path: '/api/v1/periods', body: PERIOD }, (id) => ({
      method: 'POST',
      path: `/api/v1/periods/${id}/sign-off`,
    })),
  },
  'POST /api/v1/periods/{id}/reopen': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const { id } = await walk.ok<{ id: string }>(admin, 'POST', '/api/v1/periods', PERIOD);
      await walk.ok(admin, 'POST', `/api/v1/periods/${id}/sign-off`);
      return measure(() => walk.call(admin, 'POST', `/api/v1/periods/${id}/reopen`));
    },
  },
  'POST /api/v1/keys/rotate': { appends: 1, run: adminWrite('POST', '/api/v1/keys/rotate') },
  'POST /api/v1/keys/byok': {
    appends: 1,
    run: adminWrite('POST', '/api/v1/keys/byok', {
      jwk: { kty: 'oct', alg: 'A256GCM', k: randomKey() },
    }),
  },
  'POST /api/v1/keys/{version}/revoke': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      await walk.ok(admin, 'POST', '/api/v1/keys/rotate');
      return measure(() => walk.call(admin, 'POST', '/api/v1/keys/1/revoke'));
    },
  },
  // A checkpoint signs the chain's head; appending a row for it would move the head it signs.
  'POST /api/v1/audit/checkpoints': {
    appends: 0,
    run: adminWrite('POST', '/api/v1/audit/checkpoints'),
  },
  'POST /api/v1/governance/delete-request': {
    appends: 1,
    run: adminWrite('POST', '/api/v1/governance/delete-request'),
  },
  'POST /api/v1/governance/delete-request/cancel': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      await walk.ok(admin, 'POST', '/api/v1/governance/delete-request');
      return measure(() => walk.call(admin, 'POST', '/api/v1/governance/delete-request/cancel'));
    },
  },
};
