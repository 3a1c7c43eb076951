import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { TenantSettings, TenantSettingsUpdate } from '../../../../shared/api/settings';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { tenants } from '../../db/schema';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { purgeReviewText, REVIEW_TEXT_DAYS } from '../review/review-text';

const tags = ['settings'];

const getRoute = defineRoute('settings:manage', {
  method: 'get',
  path: '/settings',
  tags,
  summary: "The tenant's settings: review threshold and whether review text is kept",
  responses: { 200: jsonContent(TenantSettings), ...problemResponses(401, 403) },
});

const updateRoute = defineRoute('settings:manage', {
  method: 'patch',
  path: '/settings',
  tags,
  summary: 'Turn keeping review text on or off (off erases all stored review text at once)',
  description:
    'Off by default: no line text is stored. On: new review items keep their line description ' +
    `encrypted under the tenant key for ${REVIEW_TEXT_DAYS} days. Audited.`,
  request: jsonBody(TenantSettingsUpdate),
  responses: { 200: jsonContent(TenantSettings), ...problemResponses(400, 401, 403) },
});

async function currentSettings(c: Context<AppEnv>) {
  const tenant = await c.var.globalDb.findOne(tenants, eq(tenants.id, c.var.principal.tenantId));
  if (!tenant) throw new AppError(ErrorCode.notFound, 'No such tenant.');
  return {
    reviewThreshold: tenant.reviewThreshold,
    keepReviewText: tenant.keepReviewText,
    reviewTextDays: REVIEW_TEXT_DAYS,
  };
}

export const settingsRoutes = createRouter()
  .openapi(getRoute, async (c) => c.json(await currentSettings(c), 200))
  .openapi(updateRoute, async (c) => {
    const { db, globalDb, principal } = c.var;
    const { keepReviewText } = c.req.valid('json');
    const before = await currentSettings(c);
    const at = now(c);
    await writeWithAudit(
      db,
      [
        globalDb.update(tenants, { keepReviewText }, eq(tenants.id, db.tenantId)),
        ...(keepReviewText ? [] : [purgeReviewText(db)]),
      ],
      {
        actor: principal.userId,
        action: 'settings.update',
        entityType: 'tenant',
        entityId: db.tenantId,
        changes: {
          before: { keepReviewText: before.keepReviewText },
          after: { keepReviewText },
        },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.json({ ...before, keepReviewText }, 200);
  });
