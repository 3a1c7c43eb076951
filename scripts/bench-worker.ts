/**
 * The Worker's cold start, measured in workerd through Miniflare on the bundle `wrangler deploy
 * --dry-run` produces: start-up, the first request of a fresh isolate (a sign-in), the first
 * request of another fresh isolate being an estimate (auth, tenant rules, the lazy engine build),
 * the module loading workerd does before that request, and a warm estimate, in milliseconds.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { buildWorkerBundle, BUNDLE_DIR } from './worker-bundle';
import { DEMO_PASSWORD, freshSecrets } from './local-env';
import { seedDemo } from './seed-demo';
import { lastTwelveMonths } from './demo/demo-spend';
import { median } from '../shared/stats';
import { BENCH_ITEMS } from './bench-engine';

const wranglerToml = readFileSync('wrangler.toml', 'utf8');
const compatibilityDate = /compatibility_date = "([^"]+)"/.exec(wranglerToml)![1]!;

async function applyMigrations(d1: D1Like): Promise<void> {
  for (const file of readdirSync('migrations')
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    for (const statement of readFileSync(`migrations/${file}`, 'utf8').split(
      '--> statement-breakpoint',
    )) {
      if (statement.trim()) await d1.prepare(statement).run();
    }
  }
}
type D1Like = { prepare(sql: string): { run(): Promise<unknown> } };

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, Math.round((performance.now() - start) * 10) / 10];
}

type Dispatch = Pick<Miniflare, 'dispatchFetch'>;

/** Migrates the Worker's local D1 and seeds the demo tenants. */
export async function migrateAndSeed(mf: Pick<Miniflare, 'getD1Database'>): Promise<void> {
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Like;
  await applyMigrations(d1);
  await seedDemo(d1 as never);
}

/** A demo user's access token (POST /auth/login with the demo password). */
export async function signInToken(mf: Dispatch, email: string): Promise<string> {
  const login = await mf.dispatchFetch('http://localhost/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return ((await login.json()) as { token: string }).token;
}

async function signedIn(mf: Dispatch, email: string): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${await signInToken(mf, email)}`,
  };
}

async function postJson<T>(
  mf: Dispatch,
  path: string,
  headers: Record<string, string>,
  body: unknown,
) {
  const response = await mf.dispatchFetch(`http://localhost/api/v1${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The approver defines the demo year as a period; the analyst's report of it is timed. */
async function timeDemoReport(mf: Dispatch) {
  const months = lastTwelveMonths(new Date());
  const [y, m] = months.at(-1)!.split('-').map(Number) as [number, number];
  const period = await postJson<{ id: string }>(
    mf,
    '/periods',
    await signedIn(mf, 'approver@acme.test'),
    {
      name: 'Demo year',
      startDate: `${months[0]}-01`,
      endDate: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
    },
  );
  const analyst = await signedIn(mf, 'analyst@acme.test');
  return timed(() =>
    postJson<{ totals: { lines: number } }>(mf, '/reports', analyst, { periodId: period.id }),
  );
}

export interface WorkerBenchResult {
  bundleGzippedKb: number;
  startupMs: number;
  firstRequestMs: number;
  /** Sorted; each the first request of a fresh workerd, an estimate (module loading excluded). */
  coldEstimatesMs: number[];
  /** Sorted; compiling and evaluating the bundle's modules at each of those starts (see moduleLoadMs). */
  moduleLoadsMs: number[];
  warmEstimateMs: number;
  /** Median of five warm POST /estimates of 500 lines, the most a page's scan sends at once. */
  warmPageEstimateMs: number;
  /** POST /api/v1/reports for the demo tenant's twelve months: query, render, encrypt, store. */
  reportMs: number;
  reportLines: number;
}

export const readBundle = () => readFileSync(`${BUNDLE_DIR}/index.js`, 'utf8');

/**
 * Miniflare running `script` (the deployable bundle) with the bindings of wrangler.toml. The
 * module is handed over as a list of one: given a script path instead, Miniflare first parses the
 * 3.7 MB bundle itself to find its imports (1–2 s here), Miniflare's cost, not the Worker's.
 */
export function bundleOptions(secrets = freshSecrets(), script = readBundle()) {
  return {
    modules: [{ type: 'ESModule' as const, path: 'index.js', contents: script }],
    compatibilityDate,
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: ['DB'],
    r2Buckets: ['BUCKET'],
    ratelimits: {
      API_RATE_LIMITER: { simple: { limit: 1000, period: 60 } },
      SIGN_IN_RATE_LIMITER: { simple: { limit: 1000, period: 60 } },
    },
    bindings: {
      ENVIRONMENT: 'test',
      CONSOLE_ORIGIN: 'http://127.0.0.1',
      EXTENSION_ORIGIN: 'chrome-extension://x',
      ...secrets,
    },
    queueProducers: { IMPORT_QUEUE: 'spendprint-imports' },
    queueConsumers: {
      'spendprint-imports': { maxBatchSize: 1, maxBatchTimeout: 1, maxRetries: 5 },
    },
  };
}

const ESTIMATE_BODY = JSON.stringify({
  lines: [{ description: 'laptop computer', amount: 1200, currency: 'USD', date: '2024-05-01' }],
});

/** 500 lines, as the extension sends for a 500-line requisition page. */
const PAGE_ESTIMATE_BODY = JSON.stringify({
  lines: Array.from({ length: 500 }, (_, i) => ({
    description: `${BENCH_ITEMS[i % BENCH_ITEMS.length]} ${i}`,
    amount: 10 + i,
    currency: 'USD',
    date: '2024-05-01',
  })),
});

/** POST /estimates of one line (a laptop, 1,200 USD) with `token`. */
export function postEstimate(
  mf: Dispatch,
  token: string,
  body = ESTIMATE_BODY,
): ReturnType<Dispatch['dispatchFetch']> {
  return mf.dispatchFetch('http://localhost/api/v1/estimates', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
}

async function estimateOnce(mf: Dispatch, token: string, body = ESTIMATE_BODY): Promise<void> {
  const response = await postEstimate(mf, token, body);
  if (response.status !== 200) throw new Error(`estimate answered ${response.status}`);
  await response.text();
}

async function warmPageEstimateMs(mf: Dispatch, token: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 5; run++)
    times.push((await timed(() => estimateOnce(mf, token, PAGE_ESTIMATE_BODY)))[1]);
  return median(times);
}

/** Starts workerd on `script` with D1/R2 kept in `persistDir`, so a second start is cold but finds the data. */
async function startWorker(
  persistDir: string,
  secrets: ReturnType<typeof freshSecrets>,
  script: string,
): Promise<[Miniflare, number]> {
  return timed(async () => {
    const instance = new Miniflare({
      ...bundleOptions(secrets, script),
      d1Persist: persistDir,
      r2Persist: persistDir,
    });
    await instance.ready;
    return instance;
  });
}

const EMPTY_WORKER = `export default { fetch() { return new Response('ok'); } };`;

/**
 * workerd loads the Worker's modules (receives, compiles and evaluates them) while it starts,
 * before the first request, so a first request alone leaves that out. Estimated as the start-up
 * time with the bundle minus that of an empty Worker with the same bindings, back to back.
 */
async function moduleLoadMs(
  persistDir: string,
  secrets: ReturnType<typeof freshSecrets>,
  bundle: string,
) {
  const [empty, emptyMs] = await startWorker(persistDir, secrets, EMPTY_WORKER);
  await empty.dispose();
  const [worker, workerMs] = await startWorker(persistDir, secrets, bundle);
  return { worker, moduleMs: Math.round((workerMs - emptyMs) * 10) / 10 };
}

/** Fresh workerd starts timed for their first estimate (the machine is noisy: report min/median). */
const COLD_STARTS = 3;

/**
 * Several workerd starts on the same local D1: the first migrates, seeds and signs the buyer in;
 * each later one is a cold isolate whose very first request is an estimate (auth, tenant rules,
 * the lazy engine build and the estimate itself; module loading is timed apart); the last also times a warm
 * estimate and the demo report.
 */
export async function benchWorker(): Promise<WorkerBenchResult> {
  const bundle = buildWorkerBundle();
  const script = readBundle();
  const persistDir = mkdtempSync(join(tmpdir(), 'spendprint-bench-'));
  const secrets = freshSecrets();
  try {
    const [setup, startupMs] = await startWorker(persistDir, secrets, script);
    let token: string;
    let firstRequestMs: number;
    try {
      await migrateAndSeed(setup);
      [token, firstRequestMs] = await timed(() => signInToken(setup, 'buyer@acme.test'));
    } finally {
      await setup.dispose();
    }
    const coldEstimatesMs: number[] = [];
    const moduleLoadsMs: number[] = [];
    const coldStart = async () => {
      const { worker, moduleMs } = await moduleLoadMs(persistDir, secrets, script);
      moduleLoadsMs.push(moduleMs);
      coldEstimatesMs.push((await timed(() => estimateOnce(worker, token)))[1]);
      return worker;
    };
    for (let run = 1; run < COLD_STARTS; run++) await (await coldStart()).dispose();
    const mf = await coldStart();
    try {
      const [, warmEstimateMs] = await timed(() => estimateOnce(mf, token));
      const pageEstimateMs = await warmPageEstimateMs(mf, token);
      const [report, reportMs] = await timeDemoReport(mf);
      return {
        bundleGzippedKb: Math.round(bundle.gzippedBytes / 1024),
        startupMs,
        firstRequestMs,
        coldEstimatesMs: coldEstimatesMs.sort((x, y) => x - y),
        moduleLoadsMs: moduleLoadsMs.sort((x, y) => x - y),
        warmEstimateMs,
        warmPageEstimateMs: pageEstimateMs,
        reportMs,
        reportLines: report.totals.lines,
      };
    } finally {
      await mf.dispose();
    }
  } finally {
    rmSync(persistDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench-worker.ts')) {
  console.log(await benchWorker());
}
