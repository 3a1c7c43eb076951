import { and, asc, desc, eq } from 'drizzle-orm';
import {
  RuleCreate,
  RuleHistory,
  RuleIdParam,
  RuleList,
  RuleUpdate,
  RuleWithVersion,
} from '../../../../shared/api/rules';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { tenantRules, tenantRuleVersions } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { hashDescription } from '../estimates/description-hash';
import { bumpRuleVersion, currentRuleVersion } from './classification-version';
import { assertKnownNaics } from './naics-titles';
import {
  auditedRule,
  createRuleStatements,
  historyRow,
  newRuleRow,
  toRule,
  type RuleRow,
} from './rule-store';

const tags = ['rules'];

const listRoute = defineRoute('rules:write', {
  method: 'get',
  path: '/rules',
  tags,
  summary: "The tenant's classification rules (current versions) and its rule version",
  responses: { 200: jsonContent(RuleList), ...problemResponses(401, 403) },
});

const createRoute = defineRoute('rules:write', {
  method: 'post',
  path: '/rules',
  tags,
  summary: 'Create a rule (supplier, GL account, description hash or keyword → NAICS)',
  description:
    'For description-hash rules `match` is the description; only its tenant-keyed hash is stored.',
  request: jsonBody(RuleCreate),
  responses: { 201: jsonContent(RuleWithVersion), ...problemResponses(400, 401, 403) },
});

const updateRoute = defineRoute('rules:write', {
  method: 'patch',
  path: '/rules/{id}',
  tags,
  summary: 'Edit, disable or re-enable a rule; each change is a new version',
  request: { params: RuleIdParam, ...jsonBody(RuleUpdate) },
  responses: { 200: jsonContent(RuleWithVersion), ...problemResponses(400, 401, 403, 404, 409) },
});

const historyRoute = defineRoute('rules:write', {
  method: 'get',
  path: '/rules/{id}/history',
  tags,
  summary: 'Every version of a rule, oldest first',
  request: { params: RuleIdParam },
  responses: { 200: jsonContent(RuleHistory), ...problemResponses(401, 403, 404) },
});

async function matchFor(
  kind: RuleRow['kind'],
  match: string,
  secret: string,
  tenantId: string,
): Promise<string> {
  return kind === 'description-hash' ? hashDescription(secret, tenantId, match) : match;
}

export const rulesRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const [rows, ruleVersion] = await Promise.all([
      c.var.db.select(tenantRules).orderBy(asc(tenantRules.createdAt), asc(tenantRules.id)),
      currentRuleVersion(c.var.db),
    ]);
    return c.json({ rules: rows.map(toRule), ruleVersion }, 200);
  })
  .openapi(createRoute, async (c) => {
    const { db, principal } = c.var;
    const input = c.req.valid('json');
    assertKnownNaics(input.naics);
    const at = now(c);
    const match = await matchFor(
      input.kind,
      input.match,
      c.env.DESCRIPTION_HASH_SECRET,
      db.tenantId,
    );
    const row = newRuleRow({ kind: input.kind, match, naics: input.naics }, principal.userId, at);
    await writeWithAudit(db, createRuleStatements(db, row), {
      actor: principal.userId,
      action: 'rule.create',
      entityType: 'rule',
      entityId: row.id,
      changes: { after: auditedRule({ ...row, tenantId: db.tenantId }) },
      requestId: c.var.requestId,
      at,
    });
    const rule = toRule({ ...row, tenantId: db.tenantId });
    return c.json({ rule, ruleVersion: await currentRuleVersion(db) }, 201);
  })
  .openapi(updateRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const change = c.req.valid('json');
    const current = await db.findOne(tenantRules, eq(tenantRules.id, id));
    if (!current) throw new AppError(ErrorCode.notFound, 'No such rule.');
    if (change.naics !== undefined) assertKnownNaics(change.naics);
    const at = now(c);
    const next: RuleRow = {
      ...current,
      match:
        change.match === undefined
          ? current.match
          : await matchFor(current.kind, change.match, c.env.DESCRIPTION_HASH_SECRET, db.tenantId),
      naics: change.naics ?? current.naics,
      enabled: change.enabled ?? current.enabled,
      version: current.version + 1,
      updatedAt: at,
      updatedBy: principal.userId,
    };
    const { tenantId: _tenant, ...values } = next;
    const statements = [
      // The version guard plus the history primary key make a concurrent edit fail whole.
      db.update(
        tenantRules,
        values,
        and(eq(tenantRules.id, id), eq(tenantRules.version, current.version))!,
      ),
      historyRow(db, values),
      ...bumpRuleVersion(db),
    ];
    try {
      await writeWithAudit(db, statements, {
        actor: principal.userId,
        action: next.enabled === current.enabled || next.enabled ? 'rule.update' : 'rule.disable',
        entityType: 'rule',
        entityId: id,
        changes: { before: auditedRule(current), after: auditedRule(next) },
        requestId: c.var.requestId,
        at,
      });
    } catch (error) {
      if (/UNIQUE|PRIMARY KEY|SQLITE_CONSTRAINT/.test(String((error as Error)?.cause ?? error))) {
        throw new AppError(ErrorCode.conflict, 'The rule changed meanwhile; reload and retry.');
      }
      throw error;
    }
    return c.json({ rule: toRule(next), ruleVersion: await currentRuleVersion(db) }, 200);
  })
  .openapi(historyRoute, async (c) => {
    const { db } = c.var;
    const { id } = c.req.valid('param');
    const rows = await db
      .select(tenantRuleVersions, eq(tenantRuleVersions.ruleId, id))
      .orderBy(desc(tenantRuleVersions.version));
    if (rows.length === 0) throw new AppError(ErrorCode.notFound, 'No such rule.');
    const versions = rows.reverse().map((v) => ({
      version: v.version,
      kind: v.kind,
      match: v.match,
      naics: v.naics,
      enabled: v.enabled,
      changedAt: v.changedAt.toISOString(),
      changedBy: v.changedBy,
    }));
    return c.json({ versions }, 200);
  });
