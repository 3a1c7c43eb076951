/** D1 refuses a statement with more than 100 bound parameters. */
export const D1_MAX_BOUND_PARAMETERS = 100;

/**
 * Splits rows into chunks small enough that one multi-row INSERT of a chunk stays within
 * D1's bound-parameter limit. Throws if a single row alone is too wide.
 */
export function chunkForParameters<T extends object>(
  rows: readonly T[],
  limit = D1_MAX_BOUND_PARAMETERS,
): T[][] {
  if (rows.length === 0) return [];
  const widest = Math.max(...rows.map((row) => Object.keys(row).length));
  if (widest > limit) throw new RangeError(`a row has ${widest} columns; the limit is ${limit}`);
  const perChunk = Math.max(1, Math.floor(limit / Math.max(1, widest)));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    chunks.push(rows.slice(start, start + perChunk));
  }
  return chunks;
}
