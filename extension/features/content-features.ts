import { siteAdapters } from './adapters';
import { isWebPage } from './adapters/page-predicates';
import { annotatePage } from './annotate/annotate-page';
import type { PageContext } from './line-items/line-item';

/** A content-script feature: a page predicate and a run function that cleans up on abort. */
export interface ContentFeature {
  name: string;
  matches(page: PageContext): boolean;
  run(page: PageContext, signal: AbortSignal): void;
}

export const contentFeatures: readonly ContentFeature[] = [
  { name: 'annotate-line-items', matches: isWebPage, run: (page, signal) => annotatePage(page, siteAdapters, signal) },
];

/** Runs every matching feature; one failing feature never stops the others or breaks the page. */
export function runContentFeatures(page: PageContext, signal: AbortSignal, features = contentFeatures): string[] {
  const started: string[] = [];
  for (const feature of features) {
    if (!feature.matches(page)) continue;
    try {
      feature.run(page, signal);
      started.push(feature.name);
    } catch {
      // A broken feature must not break the page; it simply does not run.
    }
  }
  return started;
}
