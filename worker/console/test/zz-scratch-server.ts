import { writeFileSync } from 'node:fs';
import { startLocalWorker } from './support/local-worker';
import { recordDemoSpend } from './support/demo-spend';

const worker = await startLocalWorker();
await recordDemoSpend(worker.url);
writeFileSync('/tmp/scratch/worker-url', worker.url);
console.info('worker at', worker.url);
process.on('SIGTERM', async () => {
  await worker.stop();
  process.exit(0);
});
setInterval(() => undefined, 1 << 30);
