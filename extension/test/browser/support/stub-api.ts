import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A test double for the network only: it answers the documented routes and shapes of the
 * Spendprint API (login, verify-2fa, refresh, SSO start and exchange, estimates, summary, review
 * corrections, spend record) with fixed,
 * simple numbers so browser tests can assert exact badges. It holds no product logic the
 * extension relies on; point SPENDPRINT_API_URL at `wrangler dev` to run against the Worker.
 */
export const STUB_PASSWORD = 'demo-password-123';
export const STUB_TOTP_CODE = '123456';

interface Commodity {
  keyword: RegExp;
  naics: string;
  title: string;
  factor: number;
}

/** keyword → NAICS and a round factor (kg CO2e per USD). Not real factors. */
export const STUB_COMMODITIES: Commodity[] = [
  { keyword: /paper/i, naics: '322121', title: 'Paper mills', factor: 0.6 },
  { keyword: /laptop|computer/i, naics: '334111', title: 'Electronic computer manufacturing', factor: 0.12 },
  { keyword: /toner/i, naics: '325910', title: 'Printing ink manufacturing', factor: 0.45 },
  { keyword: /coffee|tea\b/i, naics: '311920', title: 'Coffee and tea manufacturing', factor: 0.55 },
  { keyword: /bolt|screw/i, naics: '332722', title: 'Bolt, nut, screw, rivet, and washer manufacturing', factor: 0.7 },
  { keyword: /cleaning/i, naics: '561720', title: 'Janitorial services', factor: 0.15 },
  { keyword: /electricity/i, naics: '221112', title: 'Fossil fuel electric power generation', factor: 2.5 },
  { keyword: /chair.*wood/i, naics: '337211', title: 'Wood office furniture manufacturing', factor: 0.3 },
  { keyword: /chair/i, naics: '337214', title: 'Office furniture (except wood) manufacturing', factor: 0.4 },
  { keyword: /freight/i, naics: '484121', title: 'General freight trucking, long-distance, truckload', factor: 0.9 },
  { keyword: /drill/i, naics: '333991', title: 'Power-driven handtool manufacturing', factor: 0.35 },
  { keyword: /tape/i, naics: '322220', title: 'Paper bag and coated and treated paper manufacturing', factor: 0.5 },
];

/** USD per unit of currency (fixed for the stub). */
export const STUB_RATES: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27, JPY: 0.0067 };

const group = (key: string, label: string, kgCO2e: number) => ({ key, label, kgCO2e, spendUsd: kgCO2e * 4, lines: 3 });

/** In the shape of shared/api/summary.ts `Summary`. */
export const STUB_SUMMARY = {
  period: 'current',
  periodToDate: null,
  previousPeriod: 'previous',
  comparedWith: { from: 'previous-01', to: 'previous-31' },
  scope: 'tenant',
  team: null,
  totals: { kgCO2e: 4321.5, spendUsd: 18250, lines: 57 },
  byCategory: {
    sector: [group('33', 'Manufacturing', 2400)],
    subsector: [group('334', 'Computer and electronic product manufacturing', 1500), group('322', 'Paper manufacturing', 900)],
  },
  bySupplier: [group('office-supply', 'Office Supply Co.', 2100), group('haulage', 'Haulage plc', 800)],
  byTeam: [],
  byMonth: [],
  trend: [
    { period: 'M-2', kgCO2e: 3900, spendUsd: 16000, lines: 50 },
    { period: 'M-1', kgCO2e: 4100, spendUsd: 17000, lines: 52 },
    { period: 'M', kgCO2e: 4321.5, spendUsd: 18250, lines: 57 },
  ],
  movers: [{ dimension: 'supplier', key: 'haulage', label: 'Haulage plc', kgCO2e: 800, previousKgCO2e: 480, changeKgCO2e: 320 }],
  dataQuality: { byConfidence: [], byMethod: [] },
};

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StubApi {
  url: string;
  requests: RecordedRequest[];
  /** Email domains the stub's single sign-on knows (its stand-in for the provider's login page). */
  ssoDomains: Set<string>;
  ruleVersion: number;
  of(path: string): RecordedRequest[];
  close(): Promise<void>;
}

type LineBody = { description: string; amount?: number; currency?: string };

function estimate(line: LineBody) {
  const commodity = STUB_COMMODITIES.find((c) => c.keyword.test(line.description));
  if (!commodity) return { status: 'unable', reasonCode: 'unclassifiable', reason: 'no matching category' };
  const currency = line.currency ?? 'USD';
  const rate = STUB_RATES[currency];
  if (rate === undefined) return { status: 'unable', reasonCode: 'conversion', reason: `no exchange rate for ${currency}` };
  const classification = {
    naics: commodity.naics,
    naicsTitle: commodity.title,
    confidence: 0.86,
    alternatives: [{ naics: '423420', naicsTitle: 'Office equipment merchant wholesalers', confidence: 0.09, factorKgPerUsd: 0.1 }],
    classificationSource: 'classifier',
    calculationMethod: 'spend-based',
    factor: { value: commodity.factor, unit: 'kg CO2e/USD', dataset: 'stub factors', version: 'test' },
    provisional: false,
  };
  if (line.amount === undefined) return { status: 'classified', ...classification, kgCO2e: null, range: null, steps: [] };
  const usd = line.amount * rate;
  const kg = Math.round(usd * commodity.factor * 1000) / 1000;
  return {
    status: 'estimated',
    ...classification,
    kgCO2e: kg,
    range: { low: Math.round(kg * 0.8 * 1000) / 1000, high: Math.round(kg * 1.2 * 1000) / 1000 },
    steps: [
      { step: 'amount', label: 'Spend', value: line.amount, unit: currency },
      { step: 'currency-rate', label: `${currency} to USD`, value: rate },
      { step: 'factor', label: 'Factor', value: commodity.factor, unit: 'kg CO2e/USD' },
      { step: 'result', label: 'Emissions', value: kg, unit: 'kg CO2e' },
    ],
  };
}

function send(res: ServerResponse, status: number, body?: unknown, type = 'application/json') {
  res.writeHead(status, body === undefined ? {} : { 'content-type': type });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

const problem = (res: ServerResponse, status: number, title: string) =>
  send(res, status, { type: 'about:blank', title, status }, 'application/problem+json');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export async function startStubApi(): Promise<StubApi> {
  const tokens = new Map<string, string>();
  const challenges = new Map<string, string>();
  /** Refresh token → email while unspent; single use, like the Worker's. */
  const refreshTokens = new Map<string, string>();
  const ssoCodes = new Map<string, { email: string; codeChallenge: string }>();
  const ssoDomains = new Set<string>(['sso.acme.test']);
  const requests: RecordedRequest[] = [];
  let counter = 0;
  const state = { ruleVersion: 1 };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') return send(res, 204);
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return problem(res, 400, 'Invalid JSON');
    }
    requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = bearer ? tokens.get(bearer) : undefined;
    const issue = (email: string, withRefreshToken = false) => {
      const token = `stub-token-${++counter}`;
      tokens.set(token, email);
      const session = { token, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() };
      if (!withRefreshToken) return session;
      const refreshToken = `stub-refresh-${++counter}`;
      refreshTokens.set(refreshToken, email);
      return { ...session, refreshToken, refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() };
    };

    switch (`${req.method} ${url.pathname}`) {
      case 'POST /api/v1/auth/login': {
        const { email, password, client } = (body ?? {}) as { email?: string; password?: string; client?: string };
        if (!email || password !== STUB_PASSWORD) return problem(res, 401, 'Invalid email or password');
        if (email.startsWith('admin@')) {
          const challenge = `challenge-${++counter}`;
          challenges.set(challenge, email);
          return send(res, 200, { mfaRequired: true, challenge });
        }
        return send(res, 200, issue(email, client === 'extension'));
      }
      case 'POST /api/v1/auth/verify-2fa': {
        const { challenge, code, client } = (body ?? {}) as { challenge?: string; code?: string; client?: string };
        const email = challenge ? challenges.get(challenge) : undefined;
        if (!email || code !== STUB_TOTP_CODE) return problem(res, 401, 'Invalid authentication code');
        challenges.delete(challenge!);
        return send(res, 200, issue(email, client === 'extension'));
      }
      case 'POST /api/v1/auth/refresh': {
        const { refreshToken } = (body ?? {}) as { refreshToken?: string };
        const email = refreshToken ? refreshTokens.get(refreshToken) : undefined;
        if (!email) return problem(res, 401, 'The refresh token is not valid; sign in again.');
        refreshTokens.delete(refreshToken!);
        return send(res, 200, issue(email, true));
      }
      case 'GET /api/v1/auth/sso/start': {
        // Stands in for the Worker and the provider together: a known domain signs in at once.
        const email = url.searchParams.get('email') ?? '';
        const redirect = url.searchParams.get('redirect_uri') ?? '';
        const codeChallenge = url.searchParams.get('code_challenge') ?? '';
        if (url.searchParams.get('transport') !== 'bearer' || !/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/.test(redirect) || !codeChallenge) {
          return problem(res, 400, 'Bad SSO start');
        }
        const target = new URL(redirect);
        if (ssoDomains.has(email.split('@')[1] ?? '')) {
          const code = `sso-code-${++counter}`;
          ssoCodes.set(code, { email, codeChallenge });
          target.searchParams.set('code', code);
        } else {
          target.searchParams.set('error', 'access_denied');
          target.searchParams.set('error_description', 'Single sign-on is not set up for this email domain.');
        }
        res.writeHead(302, { location: target.href });
        return res.end();
      }
      case 'POST /api/v1/auth/sso/exchange': {
        const { code, codeVerifier } = (body ?? {}) as { code?: string; codeVerifier?: string };
        const pending = code ? ssoCodes.get(code) : undefined;
        if (code) ssoCodes.delete(code);
        if (!pending || !codeVerifier || pkceChallenge(codeVerifier) !== pending.codeChallenge) return problem(res, 401, 'Single sign-on did not succeed. Start again.');
        return send(res, 200, issue(pending.email, true));
      }
      case 'POST /api/v1/auth/logout': {
        const email = bearer ? tokens.get(bearer) : undefined;
        if (bearer) tokens.delete(bearer);
        for (const [token, owner] of refreshTokens) if (owner === email) refreshTokens.delete(token);
        return send(res, 204);
      }
    }
    if (!user) return problem(res, 401, 'Unauthorized');
    switch (`${req.method} ${url.pathname}`) {
      case 'POST /api/v1/estimates': {
        const lines = (body as { lines?: LineBody[] })?.lines;
        if (!Array.isArray(lines) || lines.length === 0 || lines.length > 500) return problem(res, 400, 'lines: 1 to 500 items');
        return send(res, 200, { ruleVersion: state.ruleVersion, results: lines.map(estimate) });
      }
      case 'GET /api/v1/summary':
        return send(res, 200, { ...STUB_SUMMARY, period: url.searchParams.get('period') });
      case 'POST /api/v1/review/corrections': {
        const { description, suggestedNaics } = (body ?? {}) as { description?: string; suggestedNaics?: string };
        if (!description || !/^\d{6}$/.test(suggestedNaics ?? '')) return problem(res, 400, 'description and a 6-digit suggestedNaics are required');
        return send(res, 201, { id: `review-${++counter}` });
      }
      case 'POST /api/v1/spend/record': {
        const lines = (body as { lines?: Array<{ amount?: unknown; date?: unknown }> })?.lines;
        if (!Array.isArray(lines) || lines.length === 0 || lines.length > 500) return problem(res, 400, 'lines: 1 to 500 items');
        if (lines.some((l) => typeof l.amount !== 'number' || !/^\d{4}-\d{2}-\d{2}$/.test(String(l.date)))) return problem(res, 400, 'amount and date are required');
        return send(res, 201, { ruleVersion: state.ruleVersion, recorded: lines.length, duplicates: 0, lines: [] });
      }
      default:
        return problem(res, 404, 'Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    ssoDomains,
    get ruleVersion() {
      return state.ruleVersion;
    },
    set ruleVersion(value: number) {
      state.ruleVersion = value;
    },
    of: (path) => requests.filter((request) => request.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The stub's expected kg for a line (for exact assertions). */
export function stubKg(description: string, amount: number, currency = 'USD'): number {
  const commodity = STUB_COMMODITIES.find((c) => c.keyword.test(description))!;
  return Math.round(amount * STUB_RATES[currency]! * commodity.factor * 1000) / 1000;
}
