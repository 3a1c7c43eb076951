import { decodeUint16 } from './postings';

/**
 * What a NAICS text says its code does not cover: "Hats (except fur, leather)", "Filing cabinets
 * (except wood)". A line that names every word of such an item is no match for that document.
 * EngineIndex.exclusions packs the items as [docId, n, n term ids] each.
 */
export class Exclusions {
  /** The packed items, sorted by their first term id (scripts/engine-exclusions.ts). */
  private readonly items: Uint16Array;
  /** Where each item starts in `items`. */
  private readonly itemAt: Uint32Array;
  /** The items whose first term is t are k ∈ [firstItem[t], firstItem[t + 1]). */
  private readonly firstItem: Uint32Array;
  /** docMarks[doc] holds the mark markFor returned when the line excludes the document. */
  readonly docMarks: Uint32Array;
  private readonly termMarks: Uint32Array;
  private mark = 0;

  constructor(packed: string, docCount: number, termCount: number) {
    const items = decodeUint16(packed);
    const itemAt: number[] = [];
    for (let i = 0; i < items.length; i += 2 + items[i + 1]!) itemAt.push(i);
    this.items = items;
    this.itemAt = Uint32Array.from(itemAt);
    this.firstItem = new Uint32Array(termCount + 1);
    for (const i of itemAt) this.firstItem[items[i + 2]! + 1]!++;
    for (let t = 0; t < termCount; t++) this.firstItem[t + 1]! += this.firstItem[t]!;
    this.docMarks = new Uint32Array(docCount);
    this.termMarks = new Uint32Array(termCount);
  }

  /**
   * Forgets the previous line's marks and marks (in `docMarks`) the documents that exclude an item
   * the line names; returns their mark, or 0 when the line excludes none (most lines).
   */
  markFor(lineTerms: readonly (number | undefined)[]): number {
    if (this.mark === 0xffffffff) {
      this.docMarks.fill(0);
      this.termMarks.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    const { items, itemAt, firstItem, termMarks } = this;
    let excludesAny = false;
    for (const id of lineTerms) if (id !== undefined) termMarks[id] = mark;
    for (const id of lineTerms) {
      if (id === undefined) continue;
      for (let k = firstItem[id]!; k < firstItem[id + 1]!; k++) {
        const at = itemAt[k]!;
        const end = at + 2 + items[at + 1]!;
        let named = true;
        for (let j = at + 3; j < end && named; j++) named = termMarks[items[j]!] === mark;
        if (named) {
          this.docMarks[items[at]!] = mark;
          excludesAny = true;
        }
      }
    }
    return excludesAny ? mark : 0;
  }
}
