/**
 * CSV import throughput, end to end in workerd through Miniflare on the deployable bundle:
 * one upload of a 100,000-line file (streamed, validated, staged encrypted in R2), then the
 * queue job recording it chunk by chunk through local D1, polled until complete. Lines/second
 * counts the whole path, upload to the last chunk. `BENCH_IMPORT_LINES` sets the size.
 */
import { existsSync } from 'node:fs';
import { Miniflare } from 'miniflare';
import { bundleOptions, migrateAndSeed, signInToken, timed } from './bench-worker';
import { buildWorkerBundle, BUNDLE_DIR } from './worker-bundle';

const ITEMS = [
  'Laptop computer 14 inch',
  'Office paper A4 80gsm',
  'Diesel fuel ultra low sulfur',
  'GLOVES DISPOSABLE NITRILE LARGE',
  'office chair mesh back',
  'TONER CARTRIDGE HP 26A BLACK',
  'VALVE GATE DI 6 IN MJ',
  'BATTERY AA ALKALINE 24PK',
  'Janitorial services monthly',
  'LED lamp 60W equivalent A19',
  'safety glasses clear anti-fog',
  'COUPLING PVC SCHED 40 1/2 IN',
];

/** No progress for this long fails the bench instead of waiting forever. */
const STALL_MS = 120_000;

export interface ImportBenchResult {
  lines: number;
  megabytes: number;
  uploadMs: number;
  totalMs: number;
  linesPerSecond: number;
  jobLinesPerSecond: number;
}

/** Distinct purchases (amount and day vary), so none is a duplicate of another. */
export function benchCsv(lines: number): string {
  const rows = ['Description,Supplier,Date,Amount,Currency,GL account'];
  for (let i = 0; i < lines; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const currency = i % 5 === 0 ? 'EUR' : 'USD';
    rows.push(
      `${ITEMS[i % ITEMS.length]} ${i % 97},Supplier ${i % 211},2025-${month}-${day},${(10 + i / 100).toFixed(2)},${currency},${6000 + (i % 40)}`,
    );
  }
  return rows.join('\n') + '\n';
}

export async function benchImport(lines = 100_000): Promise<ImportBenchResult> {
  if (!existsSync(`${BUNDLE_DIR}/index.js`)) buildWorkerBundle();
  const mf = new Miniflare(bundleOptions());
  try {
    await mf.ready;
    await migrateAndSeed(mf);
    const auth = { authorization: `Bearer ${await signInToken(mf, 'analyst@acme.test')}` };
    const csv = benchCsv(lines);
    const started = performance.now();
    const [accepted, uploadMs] = await timed(async () => {
      const response = await mf.dispatchFetch(
        'http://localhost/api/v1/imports?filename=bench.csv',
        {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: csv,
        },
      );
      if (response.status !== 202)
        throw new Error(`upload answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { import: { id: string } };
    });
    let lastProgress = { rows: -1, at: performance.now() };
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const response = await mf.dispatchFetch(
        `http://localhost/api/v1/imports/${accepted.import.id}`,
        { headers: auth },
      );
      const { import: job } = (await response.json()) as {
        import: { status: string; rowsDone: number; rowsFailed: number; failure: string | null };
      };
      if (process.env.BENCH_VERBOSE) console.info(JSON.stringify(job));
      if (job.status === 'failed') throw new Error(`import failed: ${job.failure}`);
      if (job.rowsDone !== lastProgress.rows)
        lastProgress = { rows: job.rowsDone, at: performance.now() };
      if (performance.now() - lastProgress.at > STALL_MS) {
        throw new Error(`import stalled at ${job.rowsDone} rows (${job.status})`);
      }
      if (job.status === 'completed') {
        if (job.rowsDone !== lines)
          throw new Error(`import recorded ${job.rowsDone} of ${lines} lines`);
        break;
      }
    }
    const totalMs = performance.now() - started;
    return {
      lines,
      megabytes: Math.round((csv.length / 1024 / 1024) * 10) / 10,
      uploadMs: Math.round(uploadMs),
      totalMs: Math.round(totalMs),
      linesPerSecond: Math.round(lines / (totalMs / 1000)),
      jobLinesPerSecond: Math.round(lines / ((totalMs - uploadMs) / 1000)),
    };
  } finally {
    await mf.dispose();
  }
}

if (process.argv[1]?.endsWith('bench-import.ts')) {
  console.log(await benchImport(Number(process.env.BENCH_IMPORT_LINES ?? 100_000)));
}
