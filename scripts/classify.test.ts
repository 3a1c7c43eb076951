import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStream } from './classify';
import { benchEngine } from './bench-engine';

async function run(lines: string[]): Promise<Record<string, unknown>[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  input.end(lines.join('\n') + '\n');
  await classifyStream(input, output);
  return Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('classify CLI', () => {
  it('answers every line in input order, bad lines with a reason', async () => {
    const out = await run([
      JSON.stringify({
        id: 'a',
        description: 'laptop computer',
        amount: 1000,
        currency: 'USD',
        date: '2022-03-01',
      }),
      '{not json',
      JSON.stringify({ id: 'c', description: 'COUPLING PVC SCHED 40 1/2 IN' }),
      JSON.stringify({ id: 'd', description: 'laptop computer', amount: 10, currency: 'XYZ' }),
      JSON.stringify({ id: 'e' }),
      JSON.stringify({ id: 'f', description: 'laptop computer', amount: 1000, currency: 'USD', date: '2099-01-15' }),
    ]);
    expect(out.map((o) => o['id'])).toEqual(['a', null, 'c', 'd', 'e', 'f']);
    expect(out[0]!['provisional']).toBeUndefined();
    expect(out[5]).toMatchObject({ naics: '334111', provisional: true }); // priced at the latest published figures
    expect(out[0]).toMatchObject({
      naics: '334111',
      naicsTitle: 'Electronic Computer Manufacturing',
      factorKgPerUsd: 0.058,
    });
    expect(out[0]!['kgCO2e']).toBeGreaterThan(55);
    expect(out[1]).toMatchObject({ naics: null, kgCO2e: null, reason: 'line is not valid JSON' });
    expect(out[2]).toMatchObject({ kgCO2e: null });
    expect(out[2]!['naics']).toMatch(/^326/);
    expect(out[3]).toMatchObject({
      naics: '334111',
      kgCO2e: null,
      reason: expect.stringMatching(/XYZ/),
    });
    expect(out[4]).toMatchObject({ reason: 'description is required' });
  });

  it('preserves order and count for arbitrary lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .string({ maxLength: 40 })
            .filter((s) => !s.includes('\n') && !s.includes('\r') && s.trim() !== ''),
          { minLength: 1, maxLength: 20 },
        ),
        async (descriptions) => {
          const out = await run(
            descriptions.map((d, i) => JSON.stringify({ id: String(i), description: d })),
          );
          expect(out.map((o) => o['id'])).toEqual(descriptions.map((_, i) => String(i)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('benchmarks the engine beside a reference', () => {
    const r = benchEngine(2000);
    expect(r.classifierLinesPerSecond).toBeGreaterThan(0);
    expect(r.ratio).toBeGreaterThan(1);
  });
});
