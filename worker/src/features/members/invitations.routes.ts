import { eq } from 'drizzle-orm';
import {
  Accepted,
  InvitationAccept,
  InvitationCreate,
  Mailbox,
  PasswordResetConfirm,
  PasswordResetRequest,
} from '../../../../shared/api/members';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { Role } from '../../../../shared/roles';
import { memberships, sessions, teamMembers, teams, users } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { hashPassword } from '../../lib/crypto/password';
import { revokeRefreshTokensOfUser } from '../auth/refresh-tokens';
import { normaliseEmail } from '../auth/sign-in';
import { deliverAfterResponse } from '../mail/delivery';
import { readOutbox } from '../mail/outbox';
import { emailWithToken, mailDeps, redeemToken } from './email-tokens';

const inviteRoute = defineRoute('users:manage', {
  method: 'post',
  path: '/invitations',
  tags: ['members'],
  summary: 'Invite someone to this tenant with a role (and team); the link is emailed',
  request: jsonBody(InvitationCreate),
  responses: { 202: jsonContent(Accepted), ...problemResponses(400, 401, 403, 404, 409) },
});

const acceptRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/invitations/accept',
  tags: ['auth'],
  summary: 'Accept an invitation: creates the account (or adds the membership)',
  request: jsonBody(InvitationAccept),
  responses: { 200: jsonContent(Accepted), ...problemResponses(400, 409) },
});

const resetRequestRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/password-reset',
  tags: ['auth'],
  summary: 'Email a password-reset link; always 202, so it reveals no accounts',
  request: jsonBody(PasswordResetRequest),
  responses: { 202: jsonContent(Accepted), ...problemResponses(400) },
});

const resetConfirmRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags: ['auth'],
  summary: 'Set a new password with the emailed token (ends all sessions)',
  request: jsonBody(PasswordResetConfirm),
  responses: { 200: jsonContent(Accepted), ...problemResponses(400) },
});

const mailboxRoute = defineRoute('users:manage', {
  method: 'get',
  path: '/dev/mailbox',
  tags: ['dev'],
  summary: "Local mode only: the tenant's outgoing email (404 in production)",
  responses: { 200: jsonContent(Mailbox), ...problemResponses(401, 403, 404) },
});

export const invitationRoutes = createRouter()
  .openapi(inviteRoute, async (c) => {
    const { db, globalDb, principal } = c.var;
    const { email, role, teamId } = c.req.valid('json');
    const address = normaliseEmail(email);
    if (teamId && !(await db.findOne(teams, eq(teams.id, teamId))))
      throw new AppError(ErrorCode.notFound, 'No such team.');
    const existing = await globalDb.findOne(users, eq(users.email, address));
    if (existing && (await db.findOne(memberships, eq(memberships.userId, existing.id)))) {
      throw new AppError(ErrorCode.conflict, 'That person is already a member.');
    }
    const at = now(c);
    const message = {
      kind: 'invitation' as const,
      email: address,
      subject: 'You are invited to Spendprint',
      path: '/console/accept-invitation',
      payload: { role, teamId: teamId ?? null },
    };
    const statements = await emailWithToken(mailDeps(c, db), message, at);
    await writeWithAudit(db, statements, {
      actor: principal.userId,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: address,
      changes: { after: { role, teamId: teamId ?? null } },
      requestId: c.var.requestId,
      personal: { email: address },
      at,
    });
    deliverAfterResponse(c, db);
    return c.json({ accepted: true as const }, 202);
  })
  .openapi(acceptRoute, async (c) => {
    const { globalDb } = c.var;
    const { token, name, password } = c.req.valid('json');
    const at = now(c);
    const { row, spend } = await redeemToken(globalDb, token, 'invitation', at);
    const db = c.var.tenantDbFor(row.tenantId);
    const { role, teamId } = row.payload as { role: Role; teamId: string | null };
    const existing = await globalDb.findOne(users, eq(users.email, row.email));
    const userId = existing?.id ?? `usr_${crypto.randomUUID()}`;
    const account = existing
      ? []
      : [
          globalDb.insert(users, {
            id: userId,
            email: row.email,
            name,
            passwordHash: await hashPassword(password),
            emailVerifiedAt: at,
            createdAt: at,
          }),
        ];
    await writeWithAudit(
      db,
      [
        spend,
        ...account,
        db.insert(memberships, { id: `mem_${crypto.randomUUID()}`, userId, role, createdAt: at }),
        ...(teamId ? [db.insert(teamMembers, { teamId, userId, isManager: false })] : []),
      ],
      {
        actor: userId,
        action: 'invitation.accept',
        entityType: 'member',
        entityId: userId,
        changes: { after: { role, teamId } },
        requestId: c.var.requestId,
        personal: { name },
        at,
      },
    );
    return c.json({ accepted: true as const }, 200);
  })
  .openapi(resetRequestRoute, async (c) => {
    const { globalDb } = c.var;
    const email = normaliseEmail(c.req.valid('json').email);
    const user = await globalDb.findOne(users, eq(users.email, email));
    const [membership] = user ? await globalDb.membershipsOf(user.id) : [];
    if (user && membership) {
      const db = c.var.tenantDbFor(membership.tenantId);
      const message = {
        kind: 'password-reset' as const,
        email,
        subject: 'Reset your Spendprint password',
        path: '/console/reset-password',
      };
      const at = now(c);
      // The requester is not signed in: the row records that a reset link was mailed, not by whom.
      await writeWithAudit(db, await emailWithToken(mailDeps(c, db), message, at), {
        actor: 'anonymous',
        action: 'user.password-reset-request',
        entityType: 'user',
        entityId: user.id,
        changes: {},
        requestId: c.var.requestId,
        at,
      });
      deliverAfterResponse(c, db);
    }
    return c.json({ accepted: true as const }, 202);
  })
  .openapi(resetConfirmRoute, async (c) => {
    const { globalDb } = c.var;
    const { token, password } = c.req.valid('json');
    const at = now(c);
    const { row, spend } = await redeemToken(globalDb, token, 'password-reset', at);
    const user = await globalDb.findOne(users, eq(users.email, row.email));
    if (!user) throw new AppError(ErrorCode.validation, 'The link is invalid, used or expired.');
    const db = c.var.tenantDbFor(row.tenantId);
    const passwordHash = await hashPassword(password);
    await writeWithAudit(
      db,
      [
        spend,
        globalDb.update(users, { passwordHash }, eq(users.id, user.id)),
        db.update(sessions, { revokedAt: at }, eq(sessions.userId, user.id)),
        revokeRefreshTokensOfUser(db, user.id, at),
      ],
      {
        actor: user.id,
        action: 'user.password-reset',
        entityType: 'user',
        entityId: user.id,
        changes: { after: { passwordChanged: true } },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.json({ accepted: true as const }, 200);
  })
  .openapi(mailboxRoute, async (c) => {
    if (c.env.ENVIRONMENT === 'production') throw new AppError(ErrorCode.notFound);
    const rows = await readOutbox(c.var.db, c.env.DATA_SEALING_SECRET);
    const messages = rows.map(({ id, to, kind, subject, body, createdAt }) => ({
      id,
      to,
      kind,
      subject,
      body,
      createdAt: createdAt.toISOString(),
    }));
    return c.json({ messages }, 200);
  });
