/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../shared/roles';
import { bearer } from './fixtures';
import { invoke, listOperations } from './routes';
import { SHARDS } from './security-walk/walk';

const ACCESS_RULES = new Set<string>(['public', 'member', ...CAPABILITIES]);

describe('every route of the OpenAPI document', () => {
  it('is in the capability matrix', async () => {
    const operations = await listOperations();
    expect(operations.length).toBeGreaterThan(3);
    for (const op of operations) {
      expect(
        ACCESS_RULES.has(op.access ?? ''),
        `${op.method} ${op.path} has no x-access rule`,
      ).toBe(true);
    }
  });

  it('refuses a missing or bad token with 401 problem+json', async () => {
    for (const op of await listOperations()) {
      if (op.access === 'public') continue;
      for (const headers of [{}, bearer('not.a.token')]) {
        const response = await invoke(op, 'any-id', headers);
        expect(response.status, `${op.method} ${op.path}`).toBe(401);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    }
  });

  it('is walked by every role and by another tenant: one shard file each, none missing', () => {
    const files = Object.keys(import.meta.glob('./security-walk/shard-*.test.ts')).sort();
    expect(files).toEqual(
      Array.from({ length: SHARDS }, (_, i) => `./security-walk/shard-${i + 1}.test.ts`),
    );
  });
});
