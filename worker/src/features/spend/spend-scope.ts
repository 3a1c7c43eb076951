import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { Role } from '../../../../shared/roles';
import { spendLines, teamMembers, teams } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { Principal } from '../../lib/context';

/**
 * Who sees which spend. Buyers see the lines of the teams they belong to (as member or
 * manager) and the lines they recorded themselves; every other role (admin, analyst,
 * approver, auditor, viewer) sees the whole tenant. A team filter narrows either scope; a team
 * outside the caller's scope answers 404 like a team that does not exist.
 */
export type SpendScope =
  | { kind: 'tenant'; team: string | null }
  | { kind: 'teams'; teamIds: string[]; userId: string; team: string | null };

const TEAM_SCOPED_ROLES: ReadonlySet<Role> = new Set(['buyer']);

export async function teamsOf(db: TenantDb, userId: string): Promise<string[]> {
  const rows = await db
    .selectFields(teamMembers, { teamId: teamMembers.teamId }, eq(teamMembers.userId, userId))
    .orderBy(teamMembers.teamId);
  return rows.map((r) => r.teamId);
}

export async function spendScopeOf(
  db: TenantDb,
  principal: Principal,
  team: string | undefined,
): Promise<SpendScope> {
  if (team !== undefined && !(await db.findOne(teams, eq(teams.id, team)))) {
    throw new AppError(ErrorCode.notFound, 'No such team.');
  }
  if (!TEAM_SCOPED_ROLES.has(principal.role)) return { kind: 'tenant', team: team ?? null };
  const teamIds = await teamsOf(db, principal.userId);
  if (team !== undefined && !teamIds.includes(team)) {
    throw new AppError(ErrorCode.notFound, 'No such team.');
  }
  return { kind: 'teams', teamIds, userId: principal.userId, team: team ?? null };
}

/** The filter on spend_lines that a scope implies (undefined: the whole tenant). */
export function scopeCondition(scope: SpendScope): SQL | undefined {
  if (scope.team !== null) return eq(spendLines.teamId, scope.team);
  if (scope.kind === 'tenant') return undefined;
  const own = eq(spendLines.recordedBy, scope.userId);
  return scope.teamIds.length > 0 ? or(inArray(spendLines.teamId, scope.teamIds), own) : own;
}

export const both = (a: SQL | undefined, b: SQL | undefined): SQL | undefined =>
  a && b ? and(a, b) : (a ?? b);
