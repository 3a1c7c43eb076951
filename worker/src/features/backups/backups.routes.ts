import { BackupList } from '../../../../shared/api/governance';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { createdAtOf, listBackups } from './backup-job';
import { BACKUP_RETENTION_DAYS, parseBackupKey } from './create-backup';

const listRoute = defineRoute('data:export', {
  method: 'get',
  path: '/governance/backups',
  tags: ['governance'],
  summary: "The tenant's nightly encrypted backups (kept 30 days; restore with `npm run restore`)",
  responses: { 200: jsonContent(BackupList), ...problemResponses(401, 403) },
});

export const backupsRoutes = createRouter().openapi(listRoute, async (c) => {
  const objects = await listBackups(c.env.BUCKET, c.var.db.tenantId);
  const backups = objects
    .map((object) => ({
      id: object.key.slice(object.key.lastIndexOf('/') + 1, -'.json'.length),
      createdAt: new Date(createdAtOf(object)).toISOString(),
      keyVersion: parseBackupKey(object.key)?.kekVersion ?? 0,
      bytes: object.size,
    }))
    .reverse();
  return c.json({ backups, retentionDays: BACKUP_RETENTION_DAYS }, 200);
});
