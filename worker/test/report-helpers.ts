/** Shared set-up of the report tests: a period, spend lines, a prepared report. */
import { env } from 'cloudflare:workers';
import type { Report } from '../../shared/api/reports';
import { send, sendJson } from './spend-helpers';

export { sha256Hex } from '../src/lib/crypto/digest';

export type { Report };

export async function definePeriod(
  approverToken: string,
  period: { name: string; startDate: string; endDate: string },
): Promise<string> {
  return (await sendJson<{ id: string }>(approverToken, 'POST', '/api/v1/periods', period, 201)).id;
}

export function recordLines(buyerToken: string, lines: Record<string, unknown>[], teamId?: string) {
  return sendJson(buyerToken, 'POST', '/api/v1/spend/record', { lines, teamId }, 201);
}

export function prepare(token: string, periodId: string) {
  return sendJson<Report>(token, 'POST', '/api/v1/reports', { periodId }, 201);
}

export function step(token: string, id: string, action: string, body: unknown = {}) {
  return send(token, 'POST', `/api/v1/reports/${id}/${action}`, body);
}

export async function addTeamMember(tenantId: string, teamId: string, userId: string) {
  await env.DB.prepare(
    'INSERT INTO team_members (tenant_id, team_id, user_id, is_manager) VALUES (?, ?, ?, 0)',
  )
    .bind(tenantId, teamId, userId)
    .run();
}

/** The bytes of a download, with the checksum header it came with. */
export async function download(token: string, id: string, format: string) {
  const response = await send(token, 'GET', `/api/v1/reports/${id}/download?format=${format}`);
  return {
    response,
    status: response.status,
    header: response.headers.get('x-content-sha256'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}
