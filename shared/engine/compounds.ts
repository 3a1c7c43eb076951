import { PairTable } from './phrases';
import type { Token } from './text';

/** Heads that name a class of things, not an item ("monitoring equipment", "computer systems"). */
const CLASS_WORDS = new Set([
  'equipment', 'system', 'supply', 'service', 'product', 'machinery', 'material', 'accessory', 'tool', 'device',
]);

/**
 * The head of the compound the line's item ends on, when NAICS names products by that compound
 * ("Coffee maker", "Motor oil", "Paper towels": EngineIndex.compounds). English puts the head
 * last; the first word only says which kind.
 */
export class CompoundHeads {
  private readonly table: PairTable;

  constructor(
    packed: string,
    wordCount: number,
    private readonly termId: ReadonlyMap<string, number>,
  ) {
    this.table = new PairTable(packed, wordCount);
  }

  /** The head's term id, if the item phrase (text.ts itemPhrase) ends on such a compound. */
  headOf(phrase: readonly Token[]): number | undefined {
    if (phrase.length < 2) return undefined;
    const head = phrase[phrase.length - 1]!.term;
    const modifier = this.termId.get(phrase[phrase.length - 2]!.term);
    const headId = this.termId.get(head);
    if (modifier === undefined || headId === undefined || CLASS_WORDS.has(head)) return undefined;
    return this.table.indexOf(modifier, headId) === undefined ? undefined : headId;
  }
}
