import type { EstimateResult } from './api/estimate-schema';
import type { LineFieldsInput } from './api/line-schema';

/**
 * Estimates cached by normalised line and the tenant's rule version, in storage.session.
 * Keys are SHA-256 hashes, so no line text is kept. A new rule version from the server drops
 * every entry; entries also expire so a rule change is noticed even when every line hits.
 */
const CACHE_KEY = 'estimateCache';
/**
 * The whole cache is one storage.session value, rewritten on every scan: at ≈ 1.6 KB an answer,
 * 2,000 entries are ≈ 3.2 MB, well under the area's 10 MB quota (shared with the session).
 */
export const MAX_ENTRIES = 2000;
export const CACHE_TTL_MS = 10 * 60 * 1000;

interface CacheEntry {
  result: EstimateResult;
  at: number;
}

interface CacheState {
  scope: string;
  ruleVersion: number | undefined;
  medianFactor?: number;
  entries: Record<string, CacheEntry>;
}

/** Lower-cased, whitespace-collapsed description; amounts to cents; fields in a fixed order. */
export function normaliseLine(line: LineFieldsInput): string {
  const text = (value: string | undefined) => value?.toLowerCase().replace(/\s+/g, ' ').trim() ?? '';
  const num = (value: number | undefined) => (value === undefined ? '' : String(Math.round(value * 100) / 100));
  return JSON.stringify([
    text(line.description),
    num(line.amount),
    line.currency ?? '',
    line.date ?? '',
    text(line.supplier),
    text(line.glAccount),
    num(line.quantity),
    num(line.unitPrice),
    line.naics ?? '',
  ]);
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function lineCacheKey(line: LineFieldsInput): Promise<string> {
  return sha256(normaliseLine(line));
}

async function load(scope: string): Promise<CacheState> {
  const stored = (await browser.storage.session.get(CACHE_KEY))[CACHE_KEY] as CacheState | undefined;
  return stored?.scope === scope ? stored : { scope, ruleVersion: undefined, entries: {} };
}

export interface CacheLookup {
  keys: string[];
  hits: Array<EstimateResult | undefined>;
  medianFactor?: number;
}

/** `scope` names the tenant session (server + account): another scope never sees these entries. */
export async function lookupEstimates(scope: string, lines: LineFieldsInput[], now = Date.now()): Promise<CacheLookup> {
  const state = await load(scope);
  const keys = await Promise.all(lines.map(lineCacheKey));
  const hits = keys.map((key) => {
    const entry = state.entries[key];
    return entry && now - entry.at < CACHE_TTL_MS ? entry.result : undefined;
  });
  return { keys, hits, ...(state.medianFactor ? { medianFactor: state.medianFactor } : {}) };
}

export async function storeEstimates(
  scope: string,
  ruleVersion: number,
  fresh: Array<{ key: string; result: EstimateResult }>,
  medianFactor?: number,
  now = Date.now(),
): Promise<void> {
  const state = await load(scope);
  const entries = state.ruleVersion === ruleVersion ? state.entries : {};
  for (const { key, result } of fresh) entries[key] = { result, at: now };
  const keys = Object.keys(entries);
  if (keys.length > MAX_ENTRIES) {
    keys
      .sort((a, b) => entries[a]!.at - entries[b]!.at)
      .slice(0, keys.length - MAX_ENTRIES)
      .forEach((key) => delete entries[key]);
  }
  const next: CacheState = { scope, ruleVersion, entries, ...(medianFactor ? { medianFactor } : state.medianFactor ? { medianFactor: state.medianFactor } : {}) };
  await browser.storage.session.set({ [CACHE_KEY]: next });
}

export async function clearEstimateCache(): Promise<void> {
  await browser.storage.session.remove(CACHE_KEY);
}
