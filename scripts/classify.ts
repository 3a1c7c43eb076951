/**
 * npm run --silent classify < in.jsonl > out.jsonl
 *
 * Streams JSONL: {"id","description","amount"?,"currency"?,"date"?,"supplier"?,"glAccount"?}
 * per line in; one result per line out, in input order. A bad line yields a line with
 * `reason`, never a crash. Memory stays flat: lines are processed as they arrive and output
 * is written with back-pressure.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { getEngine } from '../shared/engine/index';
import { classifyJsonLine } from './classify-line';

export async function classifyStream(input: Readable, output: Writable): Promise<number> {
  const engine = getEngine();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  let buffer = '';
  const flush = async () => {
    if (!output.write(buffer))
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    buffer = '';
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    buffer += JSON.stringify(classifyJsonLine(engine, line)) + '\n';
    count++;
    if (buffer.length > 64 * 1024) await flush();
  }
  if (buffer) await flush();
  return count;
}

if (process.argv[1]?.endsWith('classify.ts')) {
  classifyStream(process.stdin, process.stdout).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
