import { CLASS_WORDS, ENGAGEMENT_WORDS } from './classify-prior';
import { isMillForm, materialOfWord } from './materials';
import { PairTable } from './phrases';
import type { Token } from './text';

/**
 * Last words that name how an item comes or is billed, not the item ("Copy paper cases", "Taxi
 * fare", "Hotel stay", "Website hosting plan").
 */
const NOT_HEADS = new Set([
  'bag', 'box', 'case', 'pack', 'can', 'bottle', 'carton', 'roll', 'kit', 'refill', 'sheet', 'piece', 'lot',
  'fare', 'fee', 'bill', 'premium', 'ticket', 'subscription', 'delivery', 'plan', 'stay', 'trip',
  ...ENGAGEMENT_WORDS,
]);

/** The word an item phrase is named by, and whether a NAICS compound says so. */
export interface ItemHead {
  term: number;
  /** False when it is only the last word of a phrase written head-last. */
  compound: boolean;
}

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

  /**
   * The head of the item phrase (text.ts itemPhrase), if it ends on such a compound, or on a word
   * that can name an item when `headLast()` (asked last): goods written as English writes them
   * (text.ts isWrittenHeadLast: "Printer ink", "Door Hinges", "Brother Compact Laser Printer").
   */
  headOf(phrase: readonly Token[], headLast: () => boolean, familyOfLast?: string): ItemHead | undefined {
    if (phrase.length < 2) return undefined;
    const last = phrase[phrase.length - 1]!.term;
    // A word NAICS does not write is read as the family word it stands for ("Zero-Turn Mower" → lawnmower).
    const head = !this.termId.has(last) && familyOfLast ? familyOfLast : last;
    const headId = this.termId.get(head);
    if (headId === undefined || CLASS_WORDS.has(head)) return undefined;
    const modifier = this.termId.get(phrase[phrase.length - 2]!.term);
    if (modifier !== undefined && this.table.indexOf(modifier, headId) !== undefined) return { term: headId, compound: true };
    if (canNameItem(head, phrase[0]!.term) && headLast()) return { term: headId, compound: false };
    return undefined;
  }
}

/**
 * Whether the last word of a phrase can name the item: not a package or a bill, not an activity
 * in -ing ("Employee drug screening"), not the shape a mill makes of the material the phrase
 * starts with ("Copper pipe" is the material's product).
 */
function canNameItem(last: string, first: string): boolean {
  if (NOT_HEADS.has(last) || last.endsWith('ing')) return false;
  return !(isMillForm(last) && materialOfWord(first));
}
