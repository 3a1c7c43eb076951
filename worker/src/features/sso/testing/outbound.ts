import { vi } from 'vitest';

type Handler = (request: Request) => Promise<Response>;

/**
 * Routes the Worker's outbound fetches (same isolate under vitest-pool-workers) to local stub
 * servers by host name; anything else fails loudly, so nothing leaves the machine.
 */
export function routeOutboundFetch(servers: Record<string, Handler>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const handler = servers[new URL(request.url).host];
    if (!handler) throw new Error(`unexpected outbound fetch to ${new URL(request.url).host}`);
    return handler(request);
  });
}
