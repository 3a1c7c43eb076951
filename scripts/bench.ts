/**
 * `npm run bench`: the product's speed and memory figures in one run. Figures are ratios and
 * milliseconds measured on this machine in this run; it is shared and noisy, so compare the
 * ratios, not the absolute numbers across runs.
 */
import { benchEngine } from './bench-engine';
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
    `first request (module evaluation + sign-in) ${worker.firstRequestMs} ms; ` +
    `first estimate (lazy engine build) ${worker.firstEstimateMs} ms; warm estimate ${worker.warmEstimateMs} ms`,
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
