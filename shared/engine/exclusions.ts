import { decodeUint16 } from './postings';

/**
 * What a NAICS text says its code does not cover: "Hats (except fur, leather)", "Filing cabinets
 * (except wood)". A line that names every word of such an item is no match for that document.
 * EngineIndex.exclusions packs the items as [docId, n, n term ids] each.
 */
export class Exclusions {
  /** Items by their first term id: the excluding document and the item's term ids. */
  private readonly byFirstTerm = new Map<number, { doc: number; terms: Uint16Array }[]>();
  private readonly marks: Uint32Array;
  private mark = 0;

  constructor(packed: string, docCount: number) {
    const items = decodeUint16(packed);
    for (let i = 0; i < items.length; i += 2 + items[i + 1]!) {
      const terms = items.subarray(i + 2, i + 2 + items[i + 1]!);
      const list = this.byFirstTerm.get(terms[0]!) ?? [];
      list.push({ doc: items[i]!, terms });
      this.byFirstTerm.set(terms[0]!, list);
    }
    this.marks = new Uint32Array(docCount);
  }

  /** Forgets the previous line's and marks the documents that exclude an item the line names. */
  markFor(lineTerms: ReadonlySet<number>): void {
    if (this.mark === 0xffffffff) {
      this.marks.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    for (const id of lineTerms)
      for (const { doc, terms } of this.byFirstTerm.get(id) ?? [])
        if (terms.every((t) => lineTerms.has(t))) this.marks[doc] = mark;
  }

  /** Whether the line last marked names an item the document excludes. */
  excludes(doc: number): boolean {
    return this.marks[doc] === this.mark;
  }
}
