/**
 * Wraps synchronous content-script work in a `spendprint:*` performance measure, so tests and
 * benchmarks can add up the extension's main-thread time on a page (no data, just durations).
 */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    try {
      performance.measure(`spendprint:${name}`, { start, end: performance.now() });
    } catch {
      // measuring must never break the page
    }
  }
}
