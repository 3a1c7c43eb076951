import { Hono } from 'hono';

/** One order line as the Coupa Core API sends it in JSON (decimals as strings). */
export interface StubOrderLine {
  id: number;
  'line-num': number;
  description: string;
  price: string;
  quantity: string;
  total: string;
  currency: { code: string };
  account: { code: string; name: string } | null;
  commodity: { name: string } | null;
  supplier?: { name: string } | null;
}

export interface StubOrder {
  id: number;
  'po-number': string;
  status: string;
  'created-at': string;
  'updated-at': string;
  currency: { code: string };
  supplier: { id: number; name: string };
  'order-lines': StubOrderLine[];
}

export interface LineInput {
  description: string;
  price: number;
  quantity: number;
  account?: string;
  commodity?: string;
  currency?: string;
}

const NO_RESULTS = { errors: { error: ['No results match your search criteria.'] } };
const PAGE_LIMIT = 50;

/**
 * A local Coupa instance for tests: OAuth 2.0 client credentials at /oauth2/token and
 * GET /api/purchase_orders with the documented query operators (`status[in]`,
 * `updated_at[gt]`), ordering, `limit` (at most 50) and `offset` paging, answering the
 * documented JSON shape and 404 "No results" for an empty search. It checks the bearer token
 * and its scope on every read, and records what it was asked.
 */
export class StubCoupa {
  readonly host: string;
  readonly baseUrl: string;
  readonly clientId = 'spendprint-integration';
  clientSecret = `coupa-secret-${crypto.randomUUID()}`;
  readonly orders: StubOrder[] = [];
  readonly tokensIssued: string[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  readonly listRequests: URL[] = [];
  /** Every request that reached the stub, as "METHOD path". */
  readonly received: string[] = [];
  grantedScopes = ['core.purchase_order.read', 'core.common.read'];
  private readonly liveTokens = new Map<string, string>();
  private nextId = 1000;
  private readonly app = new Hono();

  constructor(label: string) {
    this.host = `${label}-${crypto.randomUUID().slice(0, 8)}.coupahost.com`;
    this.baseUrl = `https://${this.host}`;
    this.app.use('*', async (c, next) => {
      this.received.push(`${c.req.method} ${new URL(c.req.url).pathname}`);
      await next();
    });
    this.app.post('/oauth2/token', (c) => this.token(c.req.raw));
    this.app.get('/api/purchase_orders', (c) => this.list(c.req.raw));
    this.app.all('*', (c) => c.json({ errors: ['not found'] }, 404));
  }

  readonly fetch = (request: Request): Promise<Response> =>
    Promise.resolve(this.app.fetch(request));

  /** What an admin enters to connect this instance. */
  settings(overrides: Record<string, unknown> = {}) {
    return {
      kind: 'coupa',
      name: 'Coupa production',
      baseUrl: this.baseUrl,
      tokenUrl: `${this.baseUrl}/oauth2/token`,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      scopes: ['core.purchase_order.read'],
      since: '2026-01-01',
      ...overrides,
    };
  }

  /** Adds an issued purchase order; returns it so a test can change it later. */
  addOrder(input: {
    supplier: string;
    createdAt: string;
    updatedAt: string;
    lines: LineInput[];
    status?: string;
    currency?: string;
  }): StubOrder {
    const id = this.nextId++;
    const currency = { code: input.currency ?? 'USD' };
    const order: StubOrder = {
      id,
      'po-number': String(id),
      status: input.status ?? 'issued',
      'created-at': input.createdAt,
      'updated-at': input.updatedAt,
      currency,
      supplier: { id: id * 7, name: input.supplier },
      'order-lines': input.lines.map((line, index) => ({
        id: id * 100 + index,
        'line-num': index + 1,
        description: line.description,
        price: line.price.toFixed(2),
        quantity: line.quantity.toFixed(1),
        total: (line.price * line.quantity).toFixed(2),
        currency: { code: line.currency ?? currency.code },
        account: line.account ? { code: line.account, name: `Account ${line.account}` } : null,
        commodity: line.commodity ? { name: line.commodity } : null,
      })),
    };
    this.orders.push(order);
    return order;
  }

  /** The instance forgets every token it issued (the connector must ask for a new one). */
  expireTokens(): void {
    this.liveTokens.clear();
  }

  private async token(request: Request): Promise<Response> {
    const body = await request.formData();
    const form = new URLSearchParams();
    body.forEach((value, name) => form.append(name, String(value)));
    this.tokenRequests.push(form);
    if (
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_id') !== this.clientId ||
      form.get('client_secret') !== this.clientSecret
    ) {
      return Response.json({ error: 'invalid_client' }, { status: 401 });
    }
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0 || scopes.some((scope) => !this.grantedScopes.includes(scope))) {
      return Response.json({ error: 'invalid_scope' }, { status: 400 });
    }
    const token = `coupa-token-${crypto.randomUUID()}`;
    this.tokensIssued.push(token);
    this.liveTokens.set(token, scopes.join(' '));
    return Response.json({ access_token: token, token_type: 'bearer', expires_in: 86399 });
  }

  private list(request: Request): Response {
    const url = new URL(request.url);
    this.listRequests.push(url);
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const scope = token ? this.liveTokens.get(token) : undefined;
    if (scope === undefined) return Response.json({ errors: ['unauthorized'] }, { status: 401 });
    if (!scope.split(' ').includes('core.purchase_order.read')) {
      return Response.json({ errors: ['forbidden'] }, { status: 403 });
    }
    const q = url.searchParams;
    const fields = q.get('fields');
    if (fields) JSON.parse(fields);
    const statuses = q.get('status[in]')?.split(',');
    const after = q.get('updated_at[gt]');
    const limit = Math.min(Number(q.get('limit') ?? PAGE_LIMIT), PAGE_LIMIT);
    const offset = Number(q.get('offset') ?? 0);
    const ascending = q.get('order_by') === 'updated_at' && q.get('dir') === 'asc';
    const matching = this.orders
      .filter((order) => !statuses || statuses.includes(order.status))
      .filter((order) => !after || Date.parse(order['updated-at']) > Date.parse(after))
      .sort((a, b) =>
        ascending
          ? Date.parse(a['updated-at']) - Date.parse(b['updated-at']) || a.id - b.id
          : a.id - b.id,
      );
    const page = matching.slice(offset, offset + limit);
    if (page.length === 0) return Response.json(NO_RESULTS, { status: 404 });
    return Response.json(page);
  }
}
