import { Hono } from 'hono';
import type { Context } from 'hono';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { AppEnv } from '../../env';

/**
 * The admin console: a Preact SPA built by `npm run build:console` into worker/console/dist and
 * bound as Workers static assets (`[assets]` in wrangler.toml, binding ASSETS). The Worker runs
 * first (`run_worker_first`), so every answer carries its security headers (strict CSP); any
 * path under /console that is not a built file answers the SPA's index.html (deep links).
 */
export const CONSOLE_BASE = '/console';

interface AssetBindings {
  ASSETS?: Fetcher;
}

const INDEX_PATH = `${CONSOLE_BASE}/index.html`;
const FILE_PATH = /^\/console\/(assets\/[\w.-]+|favicon\.svg)$/;

/** Fingerprinted files never change; the page itself is revalidated on every load. */
function cacheControl(path: string): string {
  return path.startsWith(`${CONSOLE_BASE}/assets/`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

async function fromAssets(c: Context<AppEnv>, path: string): Promise<Response> {
  const assets = (c.env as AppEnv['Bindings'] & AssetBindings).ASSETS;
  if (!assets) throw new AppError(ErrorCode.notFound, 'The console is not built.');
  const upstream = await assets.fetch(new URL(path, c.req.url), { method: c.req.method });
  if (upstream.status === 404) {
    throw new AppError(
      ErrorCode.notFound,
      path === INDEX_PATH ? 'The console is not built (npm run build:console).' : 'No such file.',
    );
  }
  // A fresh Response: asset responses' headers are immutable, the security headers go on later.
  const response = new Response(upstream.body, upstream);
  response.headers.set('Cache-Control', cacheControl(path));
  return response;
}

export const consoleRoutes = new Hono<AppEnv>()
  .get(CONSOLE_BASE, (c) => fromAssets(c, INDEX_PATH))
  .get(`${CONSOLE_BASE}/*`, (c) => {
    const path = c.req.path;
    if (FILE_PATH.test(path)) return fromAssets(c, path);
    if (path.startsWith(`${CONSOLE_BASE}/assets/`)) {
      throw new AppError(ErrorCode.notFound, 'No such file.');
    }
    return fromAssets(c, INDEX_PATH);
  });
