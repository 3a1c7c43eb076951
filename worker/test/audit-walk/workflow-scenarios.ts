import { StubCoupa } from '../../src/features/connectors/testing/stub-coupa';
import { routeOutboundFetch } from '../../src/features/sso/testing/outbound';
import { signIn } from '../fixtures';
import type { Scenario, Walk } from './walk';

const PERIOD = { name: 'FY2026', startDate: '2026-01-01', endDate: '2026-12-31' };

/** A draft report prepared (and optionally submitted) by the analyst. */
async function analystReport(walk: Walk, submitted: boolean) {
  const admin = await walk.admin();
  const analyst = await signIn(walk.tenant.emails.analyst);
  const period = await walk.ok<{ id: string }>(admin, 'POST', '/api/v1/periods', PERIOD);
  const report = await walk.ok<{ id: string }>(analyst, 'POST', '/api/v1/reports', {
    periodId: period.id,
  });
  if (submitted) await walk.ok(analyst, 'POST', `/api/v1/reports/${report.id}/submit`);
  return { admin, analyst, periodId: period.id, reportId: report.id };
}

async function coupaConnector(walk: Walk) {
  const admin = await walk.admin();
  const coupa = new StubCoupa(walk.tenant.slug);
  routeOutboundFetch({ [coupa.host]: coupa.fetch });
  const connector = await walk.ok<{ id: string }>(
    admin,
    'POST',
    '/api/v1/connectors',
    coupa.settings({}),
  );
  return { admin, coupa, connectorId: connector.id };
}

export const WORKFLOW_SCENARIOS: Record<string, Scenario> = {
  'POST /api/v1/reports': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const period = await walk.ok<{ id: string }>(admin, 'POST', '/api/v1/periods', PERIOD);
      return measure(() => walk.call(admin, 'POST', '/api/v1/reports', { periodId: period.id }));
    },
  },
  'POST /api/v1/reports/{id}/submit': {
    appends: 1,
    async run(walk, measure) {
      const { analyst, reportId } = await analystReport(walk, false);
      return measure(() => walk.call(analyst, 'POST', `/api/v1/reports/${reportId}/submit`));
    },
  },
  'POST /api/v1/reports/{id}/approve': {
    appends: 1,
    async run(walk, measure) {
      const { admin, reportId } = await analystReport(walk, true);
      const path = `/api/v1/reports/${reportId}/approve`;
      return measure(() => walk.call(admin, 'POST', path, { comment: 'Checked' }));
    },
  },
  'POST /api/v1/reports/{id}/reject': {
    appends: 1,
    async run(walk, measure) {
      const { admin, reportId } = await analystReport(walk, true);
      const path = `/api/v1/reports/${reportId}/reject`;
      return measure(() => walk.call(admin, 'POST', path, { comment: 'Missing Q4' }));
    },
  },
  'POST /api/v1/reports/{id}/revise': {
    appends: 1,
    async run(walk, measure) {
      const { admin, analyst, reportId } = await analystReport(walk, true);
      await walk.ok(admin, 'POST', `/api/v1/reports/${reportId}/reject`, { comment: 'Redo' });
      return measure(() => walk.call(analyst, 'POST', `/api/v1/reports/${reportId}/revise`));
    },
  },
  'POST /api/v1/connectors': {
    appends: 1,
    async run(walk, measure) {
      const admin = await walk.admin();
      const coupa = new StubCoupa(walk.tenant.slug);
      return measure(() => walk.call(admin, 'POST', '/api/v1/connectors', coupa.settings({})));
    },
  },
  'POST /api/v1/connectors/{id}/pull': {
    appends: 1,
    async run(walk, measure) {
      const { admin, connectorId } = await coupaConnector(walk);
      return measure(() => walk.call(admin, 'POST', `/api/v1/connectors/${connectorId}/pull`));
    },
  },
  'POST /api/v1/connectors/{id}/revoke': {
    appends: 1,
    async run(walk, measure) {
      const { admin, connectorId } = await coupaConnector(walk);
      return measure(() => walk.call(admin, 'POST', `/api/v1/connectors/${connectorId}/revoke`));
    },
  },
  'DELETE /api/v1/connectors/{id}': {
    appends: 1,
    async run(walk, measure) {
      const { admin, connectorId } = await coupaConnector(walk);
      return measure(() => walk.call(admin, 'DELETE', `/api/v1/connectors/${connectorId}`));
    },
  },
};
