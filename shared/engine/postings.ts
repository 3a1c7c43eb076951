/** Decoded postings: the [docId, weight] pairs of term t are data[2·start[t] … 2·start[t+1]). */
export interface Postings {
  data: Uint16Array;
  start: Uint32Array;
}

/** Unpacks EngineIndex.postings (base64, little-endian uint16) with the pair count of each term. */
export function decodePostings(base64: string, counts: readonly number[]): Postings {
  const binary = atob(base64);
  const data = new Uint16Array(binary.length >> 1);
  for (let i = 0; i < data.length; i++) data[i] = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8);
  const start = new Uint32Array(counts.length + 1);
  for (let t = 0; t < counts.length; t++) start[t + 1] = start[t]! + counts[t]!;
  return { data, start };
}
