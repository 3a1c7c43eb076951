import { describe, expect, it } from 'vitest';
import { ErpError } from './outbound-client';
import { takeWindow, type ListedDocument } from './pull-window';

/** A listing of documents by "updated at", paged by offset like the ERP's. */
function listing(updatedAts: string[], lineCount = 1) {
  const offsets: number[] = [];
  const docs: ListedDocument<string>[] = updatedAts.map((updatedAt, i) => ({
    updatedAt,
    lineCount,
    document: `doc-${i}`,
  }));
  return {
    offsets,
    fetchPage: async (offset: number) => {
      offsets.push(offset);
      return docs.slice(offset, offset + 2);
    },
  };
}

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00+01:00`;

describe('which documents a pull takes, and its cursor', () => {
  it('takes every page up to a short one and moves the cursor to the newest document', async () => {
    const { fetchPage, offsets } = listing([at(1), at(2), at(3)]);
    const window = await takeWindow(fetchPage, { pageSize: 2, maxPages: 10, maxLines: 100 }, null);
    expect(offsets).toEqual([0, 2]);
    expect(window).toEqual({
      taken: ['doc-0', 'doc-1', 'doc-2'],
      cursor: at(3),
      more: false,
      warnings: [],
    });
  });

  it('keeps the previous cursor when nothing is new', async () => {
    const { fetchPage } = listing([]);
    const window = await takeWindow(fetchPage, { pageSize: 2, maxPages: 10, maxLines: 100 }, at(9));
    expect(window).toMatchObject({ taken: [], cursor: at(9), more: false });
  });

  it('stops at the line budget on a document boundary', async () => {
    const { fetchPage } = listing([at(1), at(2), at(3), at(4)], 3);
    const window = await takeWindow(fetchPage, { pageSize: 2, maxPages: 10, maxLines: 7 }, null);
    expect(window).toMatchObject({ taken: ['doc-0', 'doc-1'], cursor: at(2), more: true });
  });

  it('at the page budget, keeps the cursor below the last instant it may not have fully seen', async () => {
    const { fetchPage } = listing([at(1), at(2), at(2), at(2), at(3)]);
    const window = await takeWindow(fetchPage, { pageSize: 2, maxPages: 2, maxLines: 100 }, null);
    expect(window.taken).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3']);
    expect(window).toMatchObject({ cursor: at(1), more: true, warnings: [] });
  });

  it('when one instant holds more than a pull, moves on and says some may be missed', async () => {
    const { fetchPage } = listing([at(5), at(5), at(5), at(5), at(5)]);
    const window = await takeWindow(fetchPage, { pageSize: 2, maxPages: 2, maxLines: 100 }, null);
    expect(window.cursor).toBe(at(5));
    expect(window.warnings[0]).toMatch(/share the update time/);
  });

  it('refuses a listing out of update order or without a readable time', async () => {
    const unordered = listing([at(3), at(1)]);
    await expect(
      takeWindow(unordered.fetchPage, { pageSize: 2, maxPages: 2, maxLines: 100 }, null),
    ).rejects.toBeInstanceOf(ErpError);
    const unreadable = listing(['yesterday']);
    await expect(
      takeWindow(unreadable.fetchPage, { pageSize: 2, maxPages: 2, maxLines: 100 }, null),
    ).rejects.toThrow(/updated at/);
  });
});
