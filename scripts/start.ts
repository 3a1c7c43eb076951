/**
 * `npm start`: the whole product locally. Applies the D1 migrations to the local database,
 * seeds the demo tenants, builds the extension and serves the Worker with `wrangler dev`
 * (workerd, local D1 and R2 under .wrangler/state). Nothing leaves 127.0.0.1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_PASSWORD, LOCAL_SECRETS, OFFLINE_WRANGLER_ENV, wranglerDevArgs } from './local-env';

const port = Number(process.env.PORT ?? 8787);
const origin = `http://127.0.0.1:${port}`;
const skipBuild = process.argv.includes('--no-build');

function step(title: string, command: string, args: string[], env = OFFLINE_WRANGLER_ENV): void {
  console.info(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

/** Local secrets live in .dev.vars (git-ignored); production sets them with `wrangler secret put`. */

/** Adds whichever local secret .dev.vars lacks, keeping the ones already there. */
function ensureLocalSecrets(): void {
  const existing = existsSync('.dev.vars') ? readFileSync('.dev.vars', 'utf8') : '';
  const missing = Object.keys(LOCAL_SECRETS).filter(
    (name) => !new RegExp(`^${name}=`, 'm').test(existing),
  );
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}='${LOCAL_SECRETS[name]!()}'`).join('\n');
  writeFileSync(
    '.dev.vars',
    `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${lines}\n`,
    { mode: 0o600 },
  );
  console.info(`Added local secrets to .dev.vars: ${missing.join(', ')}.`);
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${origin}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the Worker did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

ensureLocalSecrets();
step('Applying D1 migrations to the local database', 'npx', [
  'wrangler',
  'd1',
  'migrations',
  'apply',
  'DB',
  '--local',
]);
step('Seeding the demo tenants', 'node', ['--import', 'tsx', 'scripts/seed-demo.ts']);
if (!skipBuild) step('Building the extension', 'npx', ['wxt', 'build', 'extension'], process.env);
// wrangler refuses to start without the `[assets]` directory, so --no-build still builds it once.
if (!skipBuild || !existsSync('worker/console/dist/console/index.html')) {
  step('Building the console', 'npm', ['run', '--silent', 'build:console'], process.env);
}

console.info('\n▶ Starting the Worker (wrangler dev, workerd)');
const worker = spawn('npx', wranglerDevArgs(port, [], { CONSOLE_ORIGIN: origin }), {
  stdio: 'inherit',
  env: OFFLINE_WRANGLER_ENV,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => worker.kill(signal));
worker.on('exit', (code) => process.exit(code ?? 0));

await waitForHealth(60_000);
console.info(`
Spendprint is running.
  API        ${origin}/api/v1/health   (OpenAPI: ${origin}/api/v1/openapi.json)
  Console    ${origin}/console
  Extension  ${resolve('extension/.output/chrome-mv3')}  (chrome://extensions → Developer mode → Load unpacked)
  Sign in    admin@acme.test / ${DEMO_PASSWORD}   (also approver@, analyst@, buyer@, viewer@, auditor@acme.test and admin@bright.test)
Press Ctrl+C to stop.`);
