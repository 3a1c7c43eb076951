/**
 * Engine throughput: classifier lines/second in one process, next to a trivial reference
 * (JSON parse + serialise of the same lines) measured in the same run, so machine noise shows
 * up as the ratio; plus memory. `npm run bench:engine`, or call benchEngine() from bench.ts.
 */
import { getEngine } from '../shared/engine/index';
import { classifyJsonLine } from './classify-line';

/** General purchase lines (the examples among them) that the benches classify. */
export const BENCH_ITEMS = [
  'COUPLING PVC SCHED 40 1/2 IN',
  'TROUSERS TACTICAL 65/35 POLY RAYON MENS 34X29',
  'laptop computer',
  'Microcomputers, Handheld, Laptop, and Notebook',
  'GLOVES DISPOSABLE NITRILE LARGE',
  'office chair mesh back',
  'copy paper 8.5x11 20lb white',
  'diesel fuel ultra low sulfur',
  'TONER CARTRIDGE HP 26A BLACK',
  'VALVE GATE DI 6 IN MJ',
  'BATTERY AA ALKALINE 24PK',
  'safety glasses clear anti-fog',
  'Janitorial services monthly',
  'HOSE GARDEN 5/8 IN X 50 FT',
  'LED lamp 60W equivalent A19',
];

export interface EngineBenchResult {
  lines: number;
  classifierLinesPerSecond: number;
  referenceLinesPerSecond: number;
  ratio: number;
  coldEngineMs: number;
  heapUsedMb: number;
  rssMb: number;
}

function makeLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `l${i}`,
      description: `${BENCH_ITEMS[i % BENCH_ITEMS.length]} ${i % 97}`,
      amount: 10 + (i % 500),
      currency: i % 3 ? 'USD' : 'EUR',
      date: '2024-03-15',
    }),
  );
}

function rate(lines: string[], fn: (line: string) => string): number {
  const start = performance.now();
  let bytes = 0;
  for (const line of lines) bytes += fn(line).length;
  const seconds = (performance.now() - start) / 1000;
  if (bytes === 0) throw new Error('nothing produced');
  return lines.length / seconds;
}

export function benchEngine(n = 50_000): EngineBenchResult {
  const coldStart = performance.now();
  const engine = getEngine();
  const coldEngineMs = performance.now() - coldStart;
  const lines = makeLines(n);
  rate(lines.slice(0, 2000), (l) => JSON.stringify(classifyJsonLine(engine, l))); // warm-up
  const reference = rate(lines, (l) => JSON.stringify(JSON.parse(l)));
  const classifier = rate(lines, (l) => JSON.stringify(classifyJsonLine(engine, l)));
  const mem = process.memoryUsage();
  return {
    lines: n,
    classifierLinesPerSecond: Math.round(classifier),
    referenceLinesPerSecond: Math.round(reference),
    ratio: Math.round((reference / classifier) * 10) / 10,
    coldEngineMs: Math.round(coldEngineMs * 10) / 10,
    heapUsedMb: Math.round(mem.heapUsed / 2 ** 20),
    rssMb: Math.round(mem.rss / 2 ** 20),
  };
}

if (process.argv[1]?.endsWith('bench-engine.ts')) {
  const r = benchEngine();
  console.log(
    `engine: ${r.classifierLinesPerSecond.toLocaleString('en-US')} lines/s classify+estimate (reference parse+serialise ${r.referenceLinesPerSecond.toLocaleString('en-US')} lines/s, ${r.ratio}× slower), engine build ${r.coldEngineMs} ms, heapUsed ${r.heapUsedMb} MB, RSS ${r.rssMb} MB`,
  );
}
