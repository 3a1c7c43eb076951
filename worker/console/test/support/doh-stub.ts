import { createServer, type Server } from 'node:http';
import { freePort } from './local-worker';

/**
 * A DNS-over-HTTPS JSON resolver on 127.0.0.1 for the Worker's domain checks (DOH_RESOLVER_URL):
 * it answers the TXT records a test has "published" and NXDOMAIN for anything else.
 */
export interface DohStub {
  url: string;
  publish(name: string, value: string): void;
  stop(): Promise<void>;
}

export async function startDohStub(): Promise<DohStub> {
  const records = new Map<string, string>();
  const port = await freePort();
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://stub').searchParams;
    const name = query.get('name') ?? '';
    const value = records.get(name);
    response.setHeader('content-type', 'application/dns-json');
    response.end(
      JSON.stringify(
        value === undefined
          ? { Status: 3, Answer: [] }
          : { Status: 0, Answer: [{ name, type: 16, TTL: 60, data: JSON.stringify(value) }] },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    publish: (name, value) => void records.set(name, value),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
