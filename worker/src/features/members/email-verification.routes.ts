import { eq } from 'drizzle-orm';
import { EmailVerificationConfirm } from '../../../../shared/api/auth';
import { Accepted } from '../../../../shared/api/members';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { users } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { deliverAfterResponse } from '../mail/delivery';
import { emailWithToken, mailDeps, redeemToken } from './email-tokens';

const requestRoute = defineRoute('member', {
  method: 'post',
  path: '/auth/email-verification',
  tags: ['auth'],
  summary: 'Email a single-use link that proves the signed-in user owns their address',
  responses: { 202: jsonContent(Accepted), ...problemResponses(401, 409) },
});

const confirmRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/email-verification/confirm',
  tags: ['auth'],
  summary: 'Confirm an address with the token from the verification link',
  request: jsonBody(EmailVerificationConfirm),
  responses: { 200: jsonContent(Accepted), ...problemResponses(400) },
});

export const emailVerificationRoutes = createRouter()
  .openapi(requestRoute, async (c) => {
    const { db, globalDb, principal } = c.var;
    const user = await globalDb.findOne(users, eq(users.id, principal.userId));
    if (!user) throw new AppError(ErrorCode.unauthenticated);
    if (user.emailVerifiedAt) throw new AppError(ErrorCode.conflict, 'The address is verified.');
    const at = now(c);
    const message = {
      kind: 'email-verification' as const,
      email: user.email,
      subject: 'Confirm your email address for Spendprint',
      path: '/console/verify-email',
    };
    await writeWithAudit(db, await emailWithToken(mailDeps(c, db), message, at), {
      actor: user.id,
      action: 'user.email-verification-request',
      entityType: 'user',
      entityId: user.id,
      changes: {},
      requestId: c.var.requestId,
      at,
    });
    deliverAfterResponse(c, db);
    return c.json({ accepted: true as const }, 202);
  })
  .openapi(confirmRoute, async (c) => {
    const { globalDb } = c.var;
    const at = now(c);
    const { row, spend } = await redeemToken(
      globalDb,
      c.req.valid('json').token,
      'email-verification',
      at,
    );
    const user = await globalDb.findOne(users, eq(users.email, row.email));
    if (!user) throw new AppError(ErrorCode.validation, 'The link is invalid, used or expired.');
    await writeWithAudit(
      c.var.tenantDbFor(row.tenantId),
      [spend, globalDb.update(users, { emailVerifiedAt: at }, eq(users.id, user.id))],
      {
        actor: user.id,
        action: 'user.email-verify',
        entityType: 'user',
        entityId: user.id,
        changes: { after: { emailVerified: true } },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.json({ accepted: true as const }, 200);
  });
