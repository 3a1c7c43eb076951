/**
 * `npm run bench`: the product's speed and memory figures in one run. Figures are ratios and
 * milliseconds measured on this machine in this run; it is shared and noisy, so compare the
 * ratios, not the absolute numbers across runs.
 */
import { benchEngine } from './bench-engine';
import { benchReports } from './bench-reports';
import { benchImport } from './bench-import';
import { benchExtension } from './bench-extension';
import { benchWorker } from './bench-worker';

const engine = benchEngine();
console.log(
  `engine      ${engine.classifierLinesPerSecond.toLocaleString('en-US')} lines/s classify+estimate on one core ` +
    `(reference parse+serialise ${engine.referenceLinesPerSecond.toLocaleString('en-US')} lines/s: ${engine.ratio}× the engine's cost); ` +
    `engine build ${engine.coldEngineMs} ms; heap ${engine.heapUsedMb} MB, RSS ${engine.rssMb} MB`,
);
const worker = await benchWorker();
console.log(
  `worker      bundle ${worker.bundleGzippedKb} KiB gzipped; workerd start-up ${worker.startupMs} ms; ` +
    `first request (sign-in, password hashing included) ${worker.firstRequestMs} ms; ` +
    `cold starts: loading the modules ${worker.moduleLoadsMs.join(' / ')} ms (start-up minus an empty Worker's), then the first request, an estimate (engine build included), ${worker.coldEstimatesMs.join(' / ')} ms; warm estimate ${worker.warmEstimateMs} ms, of 500 lines (a page's scan) ${worker.warmPageEstimateMs} ms`,
);
console.log(
  `reports     POST /reports for the demo year (${worker.reportLines} lines: query, JSON+CSV+PDF, encrypt, R2, D1) ${worker.reportMs} ms in workerd`,
);
const reports = await benchReports();
const describe = (r: Awaited<ReturnType<typeof benchReports>>['demo']) =>
  `${r.lines.toLocaleString('en-US')} lines ${r.ms} ms (heap +${r.heapMb} MB; JSON ${r.jsonKb} KiB, CSV ${r.csvKb} KiB, PDF ${r.pdfKb} KiB)`;
console.log(
  `            render only, one core: ${[reports.demo, ...reports.scaled].map(describe).join('; ')}`,
);
const imported = await benchImport(Number(process.env.BENCH_IMPORT_LINES ?? 100_000));
console.log(
  `import      ${imported.linesPerSecond.toLocaleString('en-US')} lines/s CSV import end to end ` +
    `(${imported.lines.toLocaleString('en-US')} lines, ${imported.megabytes} MB: upload+validate+stage ${imported.uploadMs} ms, ` +
    `queue job ${imported.jobLinesPerSecond.toLocaleString('en-US')} lines/s into local D1; total ${(imported.totalMs / 1000).toFixed(1)} s)`,
);
const extension = await benchExtension();
if ('skipped' in extension) console.log(`extension   skipped: ${extension.skipped}`);
else {
  const [cpuMin, cpuMedian] = extension.contentScriptCpuMs;
  const [renderMin, renderMedian] = extension.sinceScanRenderingCpuMs;
  const [wallMin, wallMedian] = extension.measuresWallMs;
  const phases = Object.entries(extension.measureBreakdownMs)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  console.log(
    `extension   500-line page in Chromium ${extension.chromium}, ${extension.loads} loads (min / median): ` +
      `content script ${cpuMin} / ${cpuMedian} ms main-thread CPU (target < 50); ` +
      `style+layout+paint of the badges ${renderMin} / ${renderMedian} ms; ` +
      `whole page +${extension.addedPageCpuMs} ms CPU over its own ${extension.pageOwnCpuMs} ms without the extension; ` +
      `spendprint:* measures ${wallMin} / ${wallMedian} ms wall clock (${phases}); ` +
      `layout shift ${extension.clsMax} (target < 0.01)`,
  );
}
