import { signIn, bearer } from '../fixtures';
import { call } from '../http';
import type { Scenario } from './walk';

const CSV = 'Description,Supplier,Date,Amount\nCOPY PAPER 8.5X11,Staples,2026-03-02,240\n';

function postCsv(token: string, path: string) {
  return call(path, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'text/csv' },
    body: CSV,
  });
}

export const IMPORT_SCENARIOS: Record<string, Scenario> = {
  'POST /api/v1/imports': {
    appends: 1,
    async run(walk, measure) {
      const analyst = await signIn(walk.tenant.emails.analyst);
      return measure(() => postCsv(analyst, '/api/v1/imports'));
    },
  },
  // A preview reads the file and stores nothing.
  'POST /api/v1/imports/preview': {
    appends: 0,
    async run(walk, measure) {
      const analyst = await signIn(walk.tenant.emails.analyst);
      return measure(() => postCsv(analyst, '/api/v1/imports/preview'));
    },
  },
};
