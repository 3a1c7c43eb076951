import type { ApiClient } from '../../utils/api/api-client';
import { ApiError } from '../../utils/api/api-error';
import type { EstimateResult } from '../../utils/api/estimate-schema';
import type { LineFieldsInput } from '../../utils/api/line-schema';
import { MAX_LINES_PER_REQUEST } from '../../utils/api/routes';
import { lookupEstimates, storeEstimates } from '../../utils/estimate-cache';
import type { MessageResponses } from '../../utils/messaging';
import { toFailure } from './to-failure';

export interface EstimateDeps {
  api: Pick<ApiClient, 'estimate'>;
  /** Names the signed-in tenant session; undefined when signed out. */
  cacheScope(): Promise<string | undefined>;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Answers one scan: cached lines come from the cache, the rest go to the API in as few
 * requests as the 500-line limit allows; results keep the order of the lines.
 */
export async function estimateLines(deps: EstimateDeps, lines: LineFieldsInput[]): Promise<MessageResponses['estimate-lines']> {
  try {
    const scope = await deps.cacheScope();
    if (!scope) throw new ApiError('signed-out', 'Sign in to Spendprint.');
    const cached = await lookupEstimates(scope, lines);
    const results: Array<EstimateResult | undefined> = [...cached.hits];
    const missing = new Map<string, number[]>();
    cached.keys.forEach((key, index) => {
      if (results[index]) return;
      missing.set(key, [...(missing.get(key) ?? []), index]);
    });
    let ruleVersion = -1;
    let medianFactor = cached.medianFactor;
    for (const keys of chunks([...missing.keys()], MAX_LINES_PER_REQUEST)) {
      const batch = keys.map((key) => lines[missing.get(key)![0]!]!);
      const answer = await deps.api.estimate(batch);
      if (answer.results.length !== batch.length) throw new ApiError('invalid-response', 'The server answered for a different number of lines.');
      ruleVersion = answer.ruleVersion;
      medianFactor = answer.medianFactor ?? medianFactor;
      const fresh = keys.map((key, i) => ({ key, result: answer.results[i]! }));
      for (const { key, result } of fresh) for (const index of missing.get(key)!) results[index] = result;
      // Best effort: a failed write (a full storage.session) must not lose the server's answer.
      await storeEstimates(scope, answer.ruleVersion, fresh, answer.medianFactor).catch(() => undefined);
    }
    return {
      ok: true,
      ruleVersion,
      results: results as EstimateResult[],
      ...(medianFactor ? { medianFactor } : {}),
    };
  } catch (error) {
    return toFailure(error);
  }
}
