import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkForParameters, D1_MAX_BOUND_PARAMETERS } from './bulk';
import { createDatabase } from './client';
import { TenantDb } from './tenant-db';
import { teams } from './schema';

describe('chunkForParameters', () => {
  it('keeps every chunk within the bound-parameter limit and loses no row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 700 }),
        (width, count) => {
          const row = Object.fromEntries(Array.from({ length: width }, (_, i) => [`c${i}`, i]));
          const rows = Array.from({ length: count }, () => row);
          const chunks = chunkForParameters(rows);
          expect(chunks.flat()).toHaveLength(count);
          for (const chunk of chunks)
            expect(chunk.length * width).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
        },
      ),
    );
  });

  it('refuses a row wider than the limit', () => {
    const wide = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, i]));
    expect(() => chunkForParameters([wide])).toThrow(RangeError);
  });

  it('lets D1 insert 1,000 rows that one statement could not hold', async () => {
    const db = new TenantDb(createDatabase(env.DB), 'tnt_bulk');
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: `team_bulk_${i}`,
      name: `Team ${i}`,
      costCentre: null,
      createdAt: new Date(0),
    }));
    await db.batch(db.insertMany(teams, rows));
    const stored = await db.select(teams);
    expect(stored).toHaveLength(1000);
  });
});
