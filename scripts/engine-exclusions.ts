import { tokenize } from '../shared/engine/text';

/** "Hats (except fur, knitting mill products)": [["fur"], ["knitting", "mill", "product"]] (stemmed). */
export function exceptedItems(text: string): string[][] {
  const items: string[][] = [];
  for (const clause of text.matchAll(/\(except ([^)]*)\)/gi))
    for (const item of clause[1]!.split(/,|\bor\b/)) {
      const terms = tokenize(item).map((t) => t.term);
      if (terms.length > 0) items.push(terms);
    }
  return items;
}

/**
 * EngineIndex.exclusions: each document's excepted items as [docId, n, n term ids], sorted by their
 * first term id so the classifier finds a word's items in one run.
 */
export function packExclusions(docs: readonly { excluded: readonly string[][] }[], termId: ReadonlyMap<string, number>): number[] {
  const items: number[][] = [];
  docs.forEach((d, docId) => {
    for (const item of d.excluded)
      if (item.every((t) => termId.has(t))) items.push([docId, item.length, ...item.map((t) => termId.get(t)!)]);
  });
  return items.sort((a, b) => a[2]! - b[2]! || a[0]! - b[0]!).flat();
}
