import { decodeUint16 } from './postings';

/**
 * Pairs of word ids (base64 of little-endian uint16 [first, second] pairs, sorted by first, then
 * second), looked up by their two words. The pairs are grouped by their first word and searched in
 * place: a map of 10,000 composite keys cost a cold start ≈ 5 ms to build, this ≈ 1.3 ms (Node, a
 * native decoder).
 */
export class PairTable {
  private readonly pairs: Uint16Array;
  /** Pairs whose first word id is w are k ∈ [start[w], start[w + 1]). */
  private readonly start: Uint32Array;

  constructor(packed: string, wordCount: number) {
    this.pairs = decodeUint16(packed);
    this.start = new Uint32Array(wordCount + 1);
    for (let k = 0; k < this.pairs.length; k += 2) this.start[this.pairs[k]! + 1]!++;
    for (let w = 0; w < wordCount; w++) this.start[w + 1]! += this.start[w]!;
  }

  /** The position k of the pair [first, second], in this order, if the table has it. */
  indexOf(first: number, second: number): number | undefined {
    let lo = this.start[first]!;
    let hi = this.start[first + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.pairs[2 * mid + 1]!;
      if (other === second) return mid;
      if (other < second) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }
}

/** The index's phrases (EngineIndex.phrases, the lower word id first), in either order. */
export class PhraseTable {
  private readonly pairs: PairTable;

  /** Phrases follow the words in the postings: phrase k has the term id wordCount + k. */
  constructor(
    packed: string,
    private readonly wordCount: number,
  ) {
    this.pairs = new PairTable(packed, wordCount);
  }

  /** The term id of the phrase of words a and b (either order), if the index has it. */
  idOf(a: number, b: number): number | undefined {
    const k = a < b ? this.pairs.indexOf(a, b) : this.pairs.indexOf(b, a);
    return k === undefined ? undefined : this.wordCount + k;
  }
}
