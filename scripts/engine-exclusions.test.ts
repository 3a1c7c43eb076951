import { describe, expect, it } from 'vitest';
import { Exclusions } from '../shared/engine/exclusions';
import { exceptedItems, packExclusions } from './engine-exclusions';

const packBase64 = (values: number[]) => Buffer.from(new Uint16Array(values).buffer).toString('base64');

describe('"(except …)" clauses', () => {
  it('reads each excepted item of a NAICS text as its stemmed words', () => {
    expect(exceptedItems('Hats (except fur, knitting mill products, leather) cut and sewn (except apparel contractors)')).toEqual([
      ['fur'],
      ['knitting', 'mill', 'product'],
      ['leather'],
      ['apparel', 'contractor'],
    ]);
    expect(exceptedItems('Building exterior cleaning services (except sandblasting or window cleaning)')).toEqual([
      ['sandblasting'],
      ['window', 'cleaning'],
    ]);
    expect(exceptedItems('Books printing without publishing')).toEqual([]);
  });

  it('packs the items of the documents whose words the vocabulary has', () => {
    const termId = new Map([['fur', 4], ['apparel', 7], ['contractor', 9]]);
    const docs = [{ excluded: [] }, { excluded: [['fur'], ['apparel', 'contractor'], ['straw']] }];
    expect(packExclusions(docs, termId)).toEqual([1, 1, 4, 1, 2, 7, 9]);
    // Sorted by the first term, whatever the documents' order.
    expect(packExclusions([{ excluded: [['contractor']] }, { excluded: [['fur']] }], termId)).toEqual([1, 1, 4, 0, 1, 9]);
  });

  it('excludes a document for a line that names every word of one of its items', () => {
    const exclusions = new Exclusions(packBase64([1, 1, 4, 2, 2, 7, 9]), 3, 10);
    const excluded = (lineTerms: (number | undefined)[]) => {
      const mark = exclusions.markFor(lineTerms);
      return [0, 1, 2].filter((doc) => mark !== 0 && exclusions.docMarks[doc] === mark);
    };
    expect(excluded([4, 5])).toEqual([1]);
    expect(excluded([7])).toEqual([]); // one word of "apparel contractors" is no item
    expect(excluded([9, undefined, 7])).toEqual([2]);
    expect(exclusions.markFor([5])).toBe(0); // most lines exclude nothing
  });
});
