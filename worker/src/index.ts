import { app } from './app';
import type { Env } from './env';
import { handleImportBatch } from './features/imports/import-job';
import type { ImportMessage } from './features/imports/import-message';
import { runScheduled } from './features/scheduled/cron';

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, new Date(controller.scheduledTime), controller.cron));
  },
  queue(batch, env) {
    return handleImportBatch(batch as MessageBatch<ImportMessage>, env);
  },
} satisfies ExportedHandler<Env>;
