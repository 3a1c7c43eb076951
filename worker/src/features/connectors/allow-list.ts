/**
 * What a connector may call, decided before any network call: the reads its definition
 * declares (GET on the configured instance, path by pattern) and its token request (POST to the
 * configured token URL, exactly). Everything else is refused. Pure, so it is tested on its own.
 */
export interface ReadOperation {
  operation: string;
  method: 'GET';
  /** Path on the instance; `:name` matches one segment of letters, digits, `_` or `-`. */
  path: string;
}

export interface AllowList {
  /** Origin of the ERP instance (https://host). */
  baseUrl: string;
  /** The OAuth 2.0 token endpoint: the only place a POST may go. */
  tokenUrl: string;
  reads: readonly ReadOperation[];
}

export const TOKEN_OPERATION = 'token';

export type Verdict = { allowed: true; operation: string } | { allowed: false; reason: string };

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((part, i) => (part.startsWith(':') ? SEGMENT.test(got[i]!) : part === got[i]));
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function checkOutbound(list: AllowList, method: string, target: string): Verdict {
  const url = parse(target);
  if (!url) return { allowed: false, reason: 'not a URL' };
  if (url.protocol !== 'https:') return { allowed: false, reason: 'only https is allowed' };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in the URL' };
  if (url.hash) return { allowed: false, reason: 'a fragment in the URL' };
  const verb = method.toUpperCase();
  const token = parse(list.tokenUrl);
  if (verb === 'POST') {
    const isTokenUrl =
      token !== null &&
      url.origin === token.origin &&
      url.pathname === token.pathname &&
      url.search === '';
    return isTokenUrl
      ? { allowed: true, operation: TOKEN_OPERATION }
      : { allowed: false, reason: 'the only write allowed is the token request' };
  }
  if (verb !== 'GET') return { allowed: false, reason: `${verb} is not a read` };
  if (url.origin !== new URL(list.baseUrl).origin) {
    return { allowed: false, reason: 'another host than the instance' };
  }
  const read = list.reads.find((op) => op.method === verb && pathMatches(op.path, url.pathname));
  return read
    ? { allowed: true, operation: read.operation }
    : { allowed: false, reason: 'a path the connector does not declare' };
}

/** The allow-list as the API shows it to admins. */
export function describeAllowList(list: AllowList) {
  return [
    { operation: TOKEN_OPERATION, method: 'POST', target: list.tokenUrl },
    ...list.reads.map((op) => ({
      operation: op.operation,
      method: op.method,
      target: `${new URL(list.baseUrl).origin}${op.path}`,
    })),
  ];
}
