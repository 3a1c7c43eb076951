import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer } from './fixtures';
import { DATA_SCENARIOS } from './audit-walk/data-scenarios';
import { IDENTITY_SCENARIOS } from './audit-walk/identity-scenarios';
import { IMPORT_SCENARIOS } from './audit-walk/import-scenarios';
import { WORKFLOW_SCENARIOS } from './audit-walk/workflow-scenarios';
import { auditRowsOf, newWalk, type Scenario } from './audit-walk/walk';
import { invoke, listOperations } from './routes';

const SCENARIOS: Record<string, Scenario> = {
  ...IDENTITY_SCENARIOS,
  ...DATA_SCENARIOS,
  ...WORKFLOW_SCENARIOS,
  ...IMPORT_SCENARIOS,
};

/** Write routes whose success needs a state no request reaches at once, and where it is proven. */
const PROVEN_ELSEWHERE: Record<string, string> = {
  'POST /api/v1/imports/{id}/resume':
    'needs an import the queue failed three times; imports.job.test.ts asserts its one import.resume row',
};

/** Reads that are audited on purpose, and why. */
const AUDITED_READS: Record<string, string> = {
  'GET /api/v1/governance/export': 'a full export discloses every row; who took one is audited',
};
const WALK_TIMEOUT_MS = 300_000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the audit trail of every route', () => {
  it(
    'gets exactly one audit row from each write route',
    async () => {
      const operations = await listOperations();
      const writes = operations.filter((op) => op.method !== 'GET');
      const wrong: string[] = [];
      for (const op of writes) {
        const name = `${op.method} ${op.path}`;
        if (name in PROVEN_ELSEWHERE) continue;
        const scenario = SCENARIOS[name];
        if (!scenario) {
          wrong.push(`${name} has no audit-walk scenario`);
          continue;
        }
        const walk = await newWalk('audit-walk');
        let appended = Number.NaN;
        let status = 0;
        await scenario.run(walk, async (request) => {
          const response = await request();
          appended = await auditRowsOf(response);
          status = response.status;
          return response;
        });
        if (status < 200 || status >= 300) wrong.push(`${name} answered ${status}`);
        else if (appended !== scenario.appends) wrong.push(`${name} appended ${appended}`);
        vi.restoreAllMocks();
      }
      expect(wrong).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'gets no audit row from any read route',
    async () => {
      const walk = await newWalk('audit-reads');
      const admin = await walk.admin();
      const reads = (await listOperations()).filter((op) => op.method === 'GET');
      const wrong: string[] = [];
      for (const op of reads) {
        const name = `${op.method} ${op.path}`;
        const response = await invoke(op, walk.tenant.teamId, bearer(admin));
        expect(response.status, name).toBeLessThan(500);
        const appended = await auditRowsOf(response);
        if (appended !== (name in AUDITED_READS && response.ok ? 1 : 0)) {
          wrong.push(`${name} appended ${appended}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );
});
