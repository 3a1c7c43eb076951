import { LedgerVerification } from '../../../../shared/api/audit';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { verifyLedger } from './ledger';

const verifyRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/audit/ledger/verify',
  tags: ['audit'],
  summary: 'Check every stored estimate formula against the digest the audit chain recorded',
  description:
    'Verify the chain itself with /audit/verify; this then proves each stored calculation ' +
    '(inputs, factor, dataset and rule version, steps) is the one the chain covers.',
  responses: { 200: jsonContent(LedgerVerification), ...problemResponses(401, 403) },
});

export const ledgerRoutes = createRouter().openapi(verifyRoute, async (c) =>
  c.json(await verifyLedger(c.var.db), 200),
);
