import { decodeUint16 } from './postings';

/**
 * What a NAICS text says its code does not cover: "Hats (except fur, leather)", "Filing cabinets
 * (except wood)". A line that names every word of such an item is no match for that document.
 * EngineIndex.exclusions packs the items as [docId, n, n term ids] each.
 */
export class Exclusions {
  /** Items by their first term id: the excluding document and the item's term ids. */
  private readonly byFirstTerm = new Map<number, { doc: number; terms: Uint16Array }[]>();
  private readonly docMarks: Uint32Array;
  private readonly termMarks: Uint32Array;
  private mark = 0;
  /** Whether the line last marked excludes any document (most lines exclude none). */
  private excludesAny = false;

  constructor(packed: string, docCount: number, termCount: number) {
    const items = decodeUint16(packed);
    for (let i = 0; i < items.length; i += 2 + items[i + 1]!) {
      const terms = items.subarray(i + 2, i + 2 + items[i + 1]!);
      const list = this.byFirstTerm.get(terms[0]!) ?? [];
      list.push({ doc: items[i]!, terms });
      this.byFirstTerm.set(terms[0]!, list);
    }
    this.docMarks = new Uint32Array(docCount);
    this.termMarks = new Uint32Array(termCount);
  }

  /** Forgets the previous line's and marks the documents that exclude an item the line names. */
  markFor(lineTerms: readonly (number | undefined)[]): void {
    if (this.mark === 0xffffffff) {
      this.docMarks.fill(0);
      this.termMarks.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    this.excludesAny = false;
    for (const id of lineTerms) if (id !== undefined) this.termMarks[id] = mark;
    for (const id of lineTerms) {
      const items = id === undefined ? undefined : this.byFirstTerm.get(id);
      if (!items) continue;
      for (const { doc, terms } of items)
        if (terms.every((t) => this.termMarks[t] === mark)) {
          this.docMarks[doc] = mark;
          this.excludesAny = true;
        }
    }
  }

  /** Whether the line last marked names an item the document excludes. */
  excludes(doc: number): boolean {
    return this.excludesAny && this.docMarks[doc] === this.mark;
  }
}
