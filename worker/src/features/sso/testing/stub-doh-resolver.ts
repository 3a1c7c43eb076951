/** A local DNS-over-HTTPS resolver (JSON API) that answers TXT records the test publishes. */
export class StubDohResolver {
  readonly host = 'cloudflare-dns.com';
  private readonly records = new Map<string, string[]>();
  readonly queries: string[] = [];

  publishTxt(name: string, value: string): void {
    this.records.set(name, [...(this.records.get(name) ?? []), value]);
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname !== '/dns-query' || request.headers.get('accept') !== 'application/dns-json') {
      return new Response('bad request', { status: 400 });
    }
    const name = url.searchParams.get('name') ?? '';
    this.queries.push(name);
    if (url.searchParams.get('type') !== 'TXT') return Response.json({ Status: 0, Answer: [] });
    const values = this.records.get(name);
    if (!values) return Response.json({ Status: 3, Question: [{ name, type: 16 }] });
    return Response.json(
      {
        Status: 0,
        Answer: values.map((value) => ({
          name,
          type: 16,
          TTL: 300,
          // Long values come split into quoted character-strings, as real resolvers send them.
          data: value
            .match(/.{1,40}/g)!
            .map((part) => `"${part}"`)
            .join(' '),
        })),
      },
      { headers: { 'content-type': 'application/dns-json' } },
    );
  };
}
