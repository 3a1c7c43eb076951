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

/** EngineIndex.exclusions: each document's excepted items as [docId, n, n term ids]. */
export function packExclusions(docs: readonly { excluded: readonly string[][] }[], termId: ReadonlyMap<string, number>): number[] {
  const packed: number[] = [];
  docs.forEach((d, docId) => {
    for (const item of d.excluded)
      if (item.every((t) => termId.has(t))) packed.push(docId, item.length, ...item.map((t) => termId.get(t)!));
  });
  return packed;
}
