/**
 * A real local Worker for browser tests: `wrangler dev --local` (workerd) on a free port with its
 * own D1/R2 state in a temporary directory, the real migrations applied, the demo tenants seeded
 * and throwaway secrets. The console's and the extension's browser tests both use it.
 *
 *   const worker = await startLocalWorker();
 *   … worker.url …
 *   await worker.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLocalDatabase } from '../../../../scripts/seed-demo';
import { applyLocalMigrations, REPO_ROOT } from '../../../../scripts/local-state';
import {
  DEMO_PASSWORD,
  freshSecrets,
  OFFLINE_WRANGLER_ENV,
  wranglerDevArgs,
} from '../../../../scripts/local-env';

export { DEMO_PASSWORD, REPO_ROOT };

export interface LocalWorker {
  /** http://127.0.0.1:<port> — the API under /api/v1, the console under /console. */
  url: string;
  /** The temporary directory wrangler persists D1 and R2 into (`--persist-to`). */
  persistDir: string;
  /** Stops wrangler and workerd and removes the temporary state. */
  stop(): Promise<void>;
  /** Stops wrangler and workerd but keeps the state, for a test to read it afterwards. */
  stopServing(): Promise<void>;
}

export interface LocalWorkerOptions {
  /** Seed the demo tenants and users (default true). */
  seed?: boolean;
  /** Extra `--var NAME:value` bindings (e.g. EXTENSION_ORIGIN for an unpacked extension). */
  vars?: Record<string, string>;
  /** Serve `/__scheduled?cron=…` to run a Cron trigger on demand (`--test-scheduled`). */
  testScheduled?: boolean;
  /** How long to wait for /api/v1/health (default 90 s). */
  startTimeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Throwaway secrets, generated per run and passed as `--var` (never written to disk). */

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${log()}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the local Worker did not answer ${url}/api/v1/health in time:\n${log()}`);
}

/** Kills the whole process group (npx → wrangler → workerd) that `spawn(detached)` created. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The seed runs through wrangler's platform proxy, whose connection to its workerd can drop while
 * CI loads both cores ("Network connection lost" on a query). The seed is idempotent, so it runs
 * once more; a second failure is the test's failure.
 */
async function seedWithOneRetry(persistDir: string): Promise<void> {
  try {
    await seedLocalDatabase(persistDir);
  } catch {
    await seedLocalDatabase(persistDir);
  }
}

export async function startLocalWorker(options: LocalWorkerOptions = {}): Promise<LocalWorker> {
  if (!existsSync(join(REPO_ROOT, 'worker/console/dist/console/index.html'))) {
    throw new Error('the console is not built: run `npm run build:console` first');
  }
  const persistDir = mkdtempSync(join(tmpdir(), 'spendprint-worker-'));
  const cleanUp = () => rmSync(persistDir, { recursive: true, force: true });
  try {
    applyLocalMigrations(persistDir);
    if (options.seed ?? true) await seedWithOneRetry(persistDir);
  } catch (error) {
    cleanUp();
    throw error;
  }

  const [port, inspectorPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const vars = { ...freshSecrets(), CONSOLE_ORIGIN: url, ...options.vars };
  const child = spawn(
    'npx',
    wranglerDevArgs(
      port,
      [
        '--inspector-port',
        String(inspectorPort),
        '--persist-to',
        persistDir,
        ...(options.testScheduled ? ['--test-scheduled'] : []),
      ],
      vars,
    ),
    {
      cwd: REPO_ROOT,
      env: OFFLINE_WRANGLER_ENV,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Keep the tail of wrangler's output for error messages only; it never prints the --var values.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const stopServing = () => stopGroup(child);
  const stop = async () => {
    await stopServing();
    cleanUp();
  };
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 90_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, persistDir, stop, stopServing };
}
