import { and, eq } from 'drizzle-orm';
import {
  Team,
  TeamCreate,
  TeamList,
  TeamMemberParams,
  TeamMembership,
} from '../../../../shared/api/members';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { memberships, teamMembers, teams } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';

const listRoute = defineRoute('dashboard:read', {
  method: 'get',
  path: '/teams',
  tags: ['teams'],
  summary: "The tenant's teams (Procurement, Sustainability, cost centres …)",
  responses: { 200: jsonContent(TeamList), ...problemResponses(401, 403) },
});

const createTeamRoute = defineRoute('users:manage', {
  method: 'post',
  path: '/teams',
  tags: ['teams'],
  summary: 'Create a team',
  request: jsonBody(TeamCreate),
  responses: { 201: jsonContent(Team), ...problemResponses(400, 401, 403, 409) },
});

const setMemberRoute = defineRoute('users:manage', {
  method: 'put',
  path: '/teams/{teamId}/members/{userId}',
  tags: ['teams'],
  summary: 'Put a member in a team, as its manager or not',
  request: { params: TeamMemberParams, ...jsonBody(TeamMembership) },
  responses: { 204: { description: 'Set' }, ...problemResponses(400, 401, 403, 404) },
});

export const teamsRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db.select(teams);
    return c.json(
      { teams: rows.map(({ id, name, costCentre }) => ({ id, name, costCentre })) },
      200,
    );
  })
  .openapi(createTeamRoute, async (c) => {
    const { db, principal } = c.var;
    const { name, costCentre } = c.req.valid('json');
    if (await db.findOne(teams, eq(teams.name, name)))
      throw new AppError(ErrorCode.conflict, 'A team has that name.');
    const team = { id: `team_${crypto.randomUUID()}`, name, costCentre: costCentre ?? null };
    const at = now(c);
    await writeWithAudit(db, [db.insert(teams, { ...team, createdAt: at })], {
      actor: principal.userId,
      action: 'team.create',
      entityType: 'team',
      entityId: team.id,
      changes: { after: { name, costCentre: team.costCentre } },
      requestId: c.var.requestId,
      at,
    });
    return c.json(team, 201);
  })
  .openapi(setMemberRoute, async (c) => {
    const { db, principal } = c.var;
    const { teamId, userId } = c.req.valid('param');
    const { isManager } = c.req.valid('json');
    const team = await db.findOne(teams, eq(teams.id, teamId));
    const member = await db.findOne(memberships, eq(memberships.userId, userId));
    if (!team || !member) throw new AppError(ErrorCode.notFound, 'No such team or member.');
    const link = and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId))!;
    await writeWithAudit(
      db,
      [db.delete(teamMembers, link), db.insert(teamMembers, { teamId, userId, isManager })],
      {
        actor: principal.userId,
        action: 'team.member-set',
        entityType: 'team',
        entityId: teamId,
        changes: { after: { userId, isManager } },
        requestId: c.var.requestId,
        at: now(c),
      },
    );
    return c.body(null, 204);
  });
