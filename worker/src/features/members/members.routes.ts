import { eq, inArray } from 'drizzle-orm';
import { MemberList, RoleChange, UserIdParam } from '../../../../shared/api/members';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { memberships, sessions, teamMembers, teams, users } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { revokeRefreshTokensOfUser } from '../auth/refresh-tokens';

const listRoute = defineRoute('users:manage', {
  method: 'get',
  path: '/members',
  tags: ['members'],
  summary: "The tenant's members with their role and teams",
  responses: { 200: jsonContent(MemberList), ...problemResponses(401, 403) },
});

const changeRoleRoute = defineRoute('users:manage', {
  method: 'patch',
  path: '/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role (ends their sessions)",
  request: { params: UserIdParam, ...jsonBody(RoleChange) },
  responses: { 204: { description: 'Changed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

const removeRoute = defineRoute('users:manage', {
  method: 'delete',
  path: '/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member from the tenant (ends their sessions)',
  request: { params: UserIdParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404, 409) },
});

export const membersRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { db, globalDb } = c.var;
    const rows = await db.select(memberships);
    const people = rows.length
      ? await globalDb.select(
          users,
          inArray(
            users.id,
            rows.map((m) => m.userId),
          ),
        )
      : [];
    const teamRows = await db.select(teams);
    const links = await db.select(teamMembers);
    const members = rows.map((m) => {
      const person = people.find((u) => u.id === m.userId);
      const own = links.filter((link) => link.userId === m.userId);
      return {
        userId: m.userId,
        email: person?.email ?? '',
        name: person?.name ?? '',
        role: m.role,
        teams: own.map((link) => ({
          teamId: link.teamId,
          name: teamRows.find((t) => t.id === link.teamId)?.name ?? '',
          isManager: link.isManager,
        })),
      };
    });
    return c.json({ members }, 200);
  })
  .openapi(changeRoleRoute, async (c) => {
    const { db, principal } = c.var;
    const { userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const membership = await findMembership(c.var.db, userId);
    if (membership.role === 'admin' && role !== 'admin') await assertAnotherAdmin(db, userId);
    const at = now(c);
    await writeWithAudit(
      db,
      [
        db.update(memberships, { role }, eq(memberships.userId, userId)),
        db.update(sessions, { revokedAt: at }, eq(sessions.userId, userId)),
        revokeRefreshTokensOfUser(db, userId, at),
      ],
      {
        actor: principal.userId,
        action: 'member.role-change',
        entityType: 'member',
        entityId: userId,
        changes: { before: { role: membership.role }, after: { role } },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.body(null, 204);
  })
  .openapi(removeRoute, async (c) => {
    const { db, principal } = c.var;
    const { userId } = c.req.valid('param');
    const membership = await findMembership(db, userId);
    if (membership.role === 'admin') await assertAnotherAdmin(db, userId);
    const at = now(c);
    await writeWithAudit(
      db,
      [
        db.delete(memberships, eq(memberships.userId, userId)),
        db.delete(teamMembers, eq(teamMembers.userId, userId)),
        db.update(sessions, { revokedAt: at }, eq(sessions.userId, userId)),
        revokeRefreshTokensOfUser(db, userId, at),
      ],
      {
        actor: principal.userId,
        action: 'member.remove',
        entityType: 'member',
        entityId: userId,
        changes: { before: { role: membership.role } },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.body(null, 204);
  });

async function findMembership(db: TenantDb, userId: string) {
  const membership = await db.findOne(memberships, eq(memberships.userId, userId));
  if (!membership) throw new AppError(ErrorCode.notFound, 'No such member.');
  return membership;
}

/** A tenant always keeps at least one admin. */
async function assertAnotherAdmin(db: TenantDb, userId: string) {
  const admins = await db.select(memberships, eq(memberships.role, 'admin'));
  if (!admins.some((m) => m.userId !== userId)) {
    throw new AppError(ErrorCode.conflict, 'The tenant needs at least one other admin first.');
  }
}
