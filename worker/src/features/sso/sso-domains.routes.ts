import { desc, eq } from 'drizzle-orm';
import {
  SsoDomain,
  SsoDomainCreate,
  SsoDomainIdParam,
  SsoDomainList,
} from '../../../../shared/api/sso';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { ssoDomains } from '../../db/schema';
import { now } from '../../lib/clock';
import { generateToken } from '../../lib/crypto/tokens';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { DEFAULT_DOH_RESOLVER, lookupTxt } from './dns-txt';
import { normaliseDomain, verificationRecord } from './domain-name';

const sso = { planFeature: 'sso' } as const;

const listRoute = defineRoute(
  'sso:manage',
  {
    method: 'get',
    path: '/sso/domains',
    tags: ['sso'],
    summary: 'Email domains and their DNS verification',
    responses: { 200: jsonContent(SsoDomainList), ...problemResponses(401, 403) },
  },
  sso,
);

const addRoute = defineRoute(
  'sso:manage',
  {
    method: 'post',
    path: '/sso/domains',
    tags: ['sso'],
    summary: 'Add an email domain; answers the TXT record that proves it',
    request: jsonBody(SsoDomainCreate),
    responses: { 201: jsonContent(SsoDomain), ...problemResponses(400, 401, 403, 409) },
  },
  sso,
);

const verifyRoute = defineRoute(
  'sso:manage',
  {
    method: 'post',
    path: '/sso/domains/{id}/verify',
    tags: ['sso'],
    summary: 'Check the TXT record (DNS-over-HTTPS); only verified domains route people',
    request: { params: SsoDomainIdParam },
    responses: { 200: jsonContent(SsoDomain), ...problemResponses(400, 401, 403, 404, 409) },
  },
  sso,
);

const removeRoute = defineRoute(
  'sso:manage',
  {
    method: 'delete',
    path: '/sso/domains/{id}',
    tags: ['sso'],
    summary: 'Remove a domain (its people stop being routed here)',
    request: { params: SsoDomainIdParam },
    responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
  },
  sso,
);

type DomainRow = Omit<typeof ssoDomains.$inferSelect, 'tenantId'>;

function present(row: DomainRow) {
  return {
    id: row.id,
    domain: row.domain,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verification: verificationRecord(row.domain, row.verificationToken),
    createdAt: row.createdAt.toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE constraint failed/.test(String((error as { cause?: unknown })?.cause ?? error));
}

export const ssoDomainRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db.select(ssoDomains).orderBy(desc(ssoDomains.createdAt));
    return c.json({ domains: rows.map(present) }, 200);
  })
  .openapi(addRoute, async (c) => {
    const { db, principal } = c.var;
    const domain = normaliseDomain(c.req.valid('json').domain);
    if (!domain) throw new AppError(ErrorCode.validation, 'That is not a domain name.');
    if (await db.findOne(ssoDomains, eq(ssoDomains.domain, domain))) {
      throw new AppError(ErrorCode.conflict, 'The domain is already listed.');
    }
    const at = now(c);
    const row = {
      id: `dom_${crypto.randomUUID()}`,
      domain,
      verificationToken: generateToken(32),
      createdAt: at,
      verifiedAt: null,
    };
    await writeWithAudit(db, [db.insert(ssoDomains, row)], {
      actor: principal.userId,
      action: 'sso-domain.add',
      entityType: 'sso-domain',
      entityId: row.id,
      changes: { after: { domain } },
      requestId: c.var.requestId,
      at,
    });
    return c.json(present(row), 201);
  })
  .openapi(verifyRoute, async (c) => {
    const { db, principal } = c.var;
    const row = await db.findOne(ssoDomains, eq(ssoDomains.id, c.req.valid('param').id));
    if (!row) throw new AppError(ErrorCode.notFound, 'No such domain.');
    if (row.verifiedAt) return c.json(present(row), 200);
    const { recordName, recordValue } = verificationRecord(row.domain, row.verificationToken);
    const resolver = c.env.DOH_RESOLVER_URL || DEFAULT_DOH_RESOLVER;
    const values = await lookupTxt(resolver, recordName).catch((error: unknown) => {
      throw new AppError(
        ErrorCode.conflict,
        'DNS could not be checked; try again.',
        {},
        {
          cause: error,
        },
      );
    });
    if (!values.includes(recordValue)) {
      throw new AppError(ErrorCode.conflict, `No TXT record "${recordValue}" at ${recordName}.`);
    }
    const owner = await c.var.globalDb.tenantByVerifiedSsoDomain(row.domain);
    const takenElsewhere = new AppError(ErrorCode.conflict, 'Another tenant has verified it.');
    if (owner) throw takenElsewhere;
    const at = now(c);
    await writeWithAudit(
      db,
      [db.update(ssoDomains, { verifiedAt: at }, eq(ssoDomains.id, row.id))],
      {
        actor: principal.userId,
        action: 'sso-domain.verify',
        entityType: 'sso-domain',
        entityId: row.id,
        changes: { before: { verified: false }, after: { verified: true, domain: row.domain } },
        requestId: c.var.requestId,
        at,
      },
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? takenElsewhere : error;
    });
    return c.json(present({ ...row, verifiedAt: at }), 200);
  })
  .openapi(removeRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const row = await db.findOne(ssoDomains, eq(ssoDomains.id, id));
    if (!row) throw new AppError(ErrorCode.notFound, 'No such domain.');
    const at = now(c);
    await writeWithAudit(db, [db.delete(ssoDomains, eq(ssoDomains.id, id))], {
      actor: principal.userId,
      action: 'sso-domain.remove',
      entityType: 'sso-domain',
      entityId: id,
      changes: { before: { domain: row.domain, verified: row.verifiedAt !== null } },
      requestId: c.var.requestId,
      at,
    });
    return c.body(null, 204);
  });
