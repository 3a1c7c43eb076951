import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageContext } from '../../features/line-items/line-item';

/** Puts a fixture page into the happy-dom document (inline scripts do not run). */
export function loadFixture(name: string): PageContext {
  const html = readFileSync(path.resolve(import.meta.dirname, '../fixtures', name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return { url: new URL(`http://127.0.0.1/${name}`), document };
}
