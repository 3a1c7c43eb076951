import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  SupplierFactor,
  SupplierFactorCreate,
  SupplierFactorIdParam,
  SupplierFactorList,
  SupplierFactorUpdate,
} from '../../../../shared/api/rules';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { supplierFactors } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { bumpRuleVersion } from '../rules/classification-version';

type FactorRow = typeof supplierFactors.$inferSelect;
type FactorInput = z.infer<typeof SupplierFactorCreate>;

const tags = ['supplier-factors'];

const listRoute = defineRoute('factors:write', {
  method: 'get',
  path: '/supplier-factors',
  tags,
  summary: "The tenant's supplier-specific emission factors",
  responses: { 200: jsonContent(SupplierFactorList), ...problemResponses(401, 403) },
});

const createFactorRoute = defineRoute('factors:write', {
  method: 'post',
  path: '/supplier-factors',
  tags,
  summary: 'Add a supplier-specific factor (kg CO2e per USD or per unit) with its source',
  request: jsonBody(SupplierFactorCreate),
  responses: { 201: jsonContent(SupplierFactor), ...problemResponses(400, 401, 403) },
});

const updateRoute = defineRoute('factors:write', {
  method: 'put',
  path: '/supplier-factors/{id}',
  tags,
  summary: "Replace a factor's figures, source or validity; it becomes the next version",
  request: { params: SupplierFactorIdParam, ...jsonBody(SupplierFactorUpdate) },
  responses: { 200: jsonContent(SupplierFactor), ...problemResponses(400, 401, 403, 404, 409) },
});

const deleteRoute = defineRoute('factors:write', {
  method: 'delete',
  path: '/supplier-factors/{id}',
  tags,
  summary: 'Remove a supplier factor (its lines fall back to spend-based factors)',
  request: { params: SupplierFactorIdParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
});

function toFactor(row: Omit<FactorRow, 'tenantId'>): z.infer<typeof SupplierFactor> {
  return {
    id: row.id,
    supplier: row.supplier,
    kgPerUsd: row.kgPerUsd,
    kgPerUnit: row.kgPerUnit,
    unit: row.unit,
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source,
    sourceDocument: row.sourceDocument,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function fields(input: FactorInput) {
  return {
    supplier: input.supplier,
    kgPerUsd: input.kgPerUsd ?? null,
    kgPerUnit: input.kgPerUnit ?? null,
    unit: input.unit ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    source: input.source,
    sourceDocument: input.sourceDocument ?? null,
  };
}

const audited = (row: Omit<FactorRow, 'tenantId' | 'createdAt' | 'updatedAt'>) => {
  const { id: _id, ...rest } = row;
  return rest;
};

export const supplierFactorsRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db
      .select(supplierFactors)
      .orderBy(asc(supplierFactors.supplier), asc(supplierFactors.validFrom));
    return c.json({ factors: rows.map(toFactor) }, 200);
  })
  .openapi(createFactorRoute, async (c) => {
    const { db, principal } = c.var;
    const at = now(c);
    const row = {
      id: `sf_${crypto.randomUUID()}`,
      ...fields(c.req.valid('json')),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await writeWithAudit(db, [db.insert(supplierFactors, row), ...bumpRuleVersion(db)], {
      actor: principal.userId,
      action: 'supplier-factor.create',
      entityType: 'supplier-factor',
      entityId: row.id,
      changes: { after: audited(row) },
      requestId: c.var.requestId,
      at,
    });
    return c.json(toFactor(row), 201);
  })
  .openapi(updateRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const current = await db.findOne(supplierFactors, eq(supplierFactors.id, id));
    if (!current) throw new AppError(ErrorCode.notFound, 'No such supplier factor.');
    const at = now(c);
    const { tenantId: _tenant, ...before } = current;
    const next = {
      ...before,
      ...fields(c.req.valid('json')),
      version: current.version + 1,
      updatedAt: at,
    };
    const guard = and(eq(supplierFactors.id, id), eq(supplierFactors.version, current.version))!;
    await writeWithAudit(db, [db.update(supplierFactors, next, guard), ...bumpRuleVersion(db)], {
      actor: principal.userId,
      action: 'supplier-factor.update',
      entityType: 'supplier-factor',
      entityId: id,
      changes: { before: audited(before), after: audited(next) },
      requestId: c.var.requestId,
      at,
    });
    return c.json(toFactor(next), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const current = await db.findOne(supplierFactors, eq(supplierFactors.id, id));
    if (!current) throw new AppError(ErrorCode.notFound, 'No such supplier factor.');
    const { tenantId: _tenant, ...before } = current;
    const at = now(c);
    await writeWithAudit(
      db,
      [db.delete(supplierFactors, eq(supplierFactors.id, id)), ...bumpRuleVersion(db)],
      {
        actor: principal.userId,
        action: 'supplier-factor.delete',
        entityType: 'supplier-factor',
        entityId: id,
        changes: { before: audited(before) },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.body(null, 204);
  });
