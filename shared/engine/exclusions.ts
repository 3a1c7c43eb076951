import { decodeUint16 } from './postings';

/**
 * What a NAICS text says its code does not cover: "Hats (except fur, leather)", "Filing cabinets
 * (except wood)". A line that names every word of such an item is no match for that document.
 * EngineIndex.exclusions packs the items as [docId, n, n term ids] each.
 */
export class Exclusions {
  /** Item k: document itemDoc[k], term ids itemTerms[itemStart[k] … itemStart[k + 1]). */
  private readonly itemDoc: Uint16Array;
  private readonly itemStart: Uint32Array;
  private readonly itemTerms: Uint16Array;
  /** The items whose first term is t: byFirstTerm[firstItem[t] … firstItem[t + 1]). */
  private readonly firstItem: Uint32Array;
  private readonly byFirstTerm: Uint32Array;
  /** docMarks[doc] holds the mark markFor returned when the line excludes the document. */
  readonly docMarks: Uint32Array;
  private readonly termMarks: Uint32Array;
  private mark = 0;

  constructor(packed: string, docCount: number, termCount: number) {
    const values = decodeUint16(packed);
    const docs: number[] = [];
    const starts: number[] = [0];
    const terms: number[] = [];
    for (let i = 0; i < values.length; i += 2 + values[i + 1]!) {
      docs.push(values[i]!);
      for (let j = 0; j < values[i + 1]!; j++) terms.push(values[i + 2 + j]!);
      starts.push(terms.length);
    }
    this.itemDoc = Uint16Array.from(docs);
    this.itemStart = Uint32Array.from(starts);
    this.itemTerms = Uint16Array.from(terms);
    this.firstItem = new Uint32Array(termCount + 1);
    for (let k = 0; k < docs.length; k++) this.firstItem[terms[starts[k]!]! + 1]!++;
    for (let t = 0; t < termCount; t++) this.firstItem[t + 1]! += this.firstItem[t]!;
    this.byFirstTerm = new Uint32Array(docs.length);
    const next = this.firstItem.slice(0, termCount);
    for (let k = 0; k < docs.length; k++) this.byFirstTerm[next[terms[starts[k]!]!]!++] = k;
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
    const { termMarks, firstItem, byFirstTerm, itemStart, itemTerms } = this;
    let excludesAny = false;
    for (const id of lineTerms) if (id !== undefined) termMarks[id] = mark;
    for (const id of lineTerms) {
      if (id === undefined) continue;
      for (let i = firstItem[id]!; i < firstItem[id + 1]!; i++) {
        const k = byFirstTerm[i]!;
        let named = true;
        for (let j = itemStart[k]! + 1; j < itemStart[k + 1]! && named; j++) named = termMarks[itemTerms[j]!] === mark;
        if (named) {
          this.docMarks[this.itemDoc[k]!] = mark;
          excludesAny = true;
        }
      }
    }
    return excludesAny ? mark : 0;
  }
}
