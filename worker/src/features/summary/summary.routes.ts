import { and, gte, lte } from 'drizzle-orm';
import { Summary, SummaryQuery } from '../../../../shared/api/summary';
import { spendLines, teams } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { both, scopeCondition, spendScopeOf } from '../spend/spend-scope';
import { summarise } from './aggregate';
import { monthsOf, trendPeriods } from './periods';

const summaryRoute = defineRoute('dashboard:read', {
  method: 'get',
  path: '/summary',
  tags: ['summary'],
  summary: 'Footprint of a period: totals, categories, suppliers, teams, months, trend, movers',
  description:
    'Scope: buyers see the teams they belong to (and what they recorded themselves); admin, ' +
    'analyst, approver, auditor and viewer see the whole tenant. `team` narrows the scope; a ' +
    'team outside it answers 404. `period` is YYYY-MM or YYYY (default: the current month). ' +
    'Movers compare with the previous period; while `period` is in progress, with its same ' +
    'days only (`comparedWith`), and `periodToDate` is today.',
  request: { query: SummaryQuery },
  responses: { 200: jsonContent(Summary), ...problemResponses(400, 401, 403, 404) },
});

export const summaryRoutes = createRouter().openapi(summaryRoute, async (c) => {
  const { db, principal } = c.var;
  const query = c.req.valid('query');
  const today = now(c).toISOString().slice(0, 10);
  const period = query.period ?? today.slice(0, 7);
  const scope = await spendScopeOf(db, principal, query.team);
  const window = trendPeriods(period);
  const from = monthsOf(window[0]!)[0]!;
  const to = monthsOf(period).at(-1)!;
  const inWindow = and(gte(spendLines.month, from), lte(spendLines.month, to));
  const [lines, teamRows] = await Promise.all([
    db.selectFields(
      spendLines,
      {
        month: spendLines.month,
        date: spendLines.date,
        naics: spendLines.naics,
        supplierKey: spendLines.supplierKey,
        supplier: spendLines.supplier,
        teamId: spendLines.teamId,
        kgCO2e: spendLines.kgCO2e,
        amountUsd: spendLines.amountUsd,
        confidence: spendLines.confidence,
        calculationMethod: spendLines.calculationMethod,
        status: spendLines.status,
      },
      both(scopeCondition(scope), inWindow),
    ),
    db.selectFields(teams, { id: teams.id, name: teams.name }),
  ]);
  const names = new Map(teamRows.map((t) => [t.id, t.name]));
  const summary = summarise(period, lines, names, today);
  const visible = scope.kind === 'tenant' ? ('tenant' as const) : scope.teamIds;
  return c.json({ ...summary, scope: visible, team: scope.team }, 200);
});
