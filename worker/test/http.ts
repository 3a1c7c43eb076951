import { exports } from 'cloudflare:workers';

export const BASE = 'http://spendprint.test';

/** Calls the Worker's real fetch handler, as a client on the network would. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(BASE + path, init));
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
