/** Every API route the extension calls, in one place. */
export const API_ROUTES = {
  estimates: '/api/v1/estimates',
  login: '/api/v1/auth/login',
  verify2fa: '/api/v1/auth/verify-2fa',
  logout: '/api/v1/auth/logout',
  summary: '/api/v1/summary',
  corrections: '/api/v1/corrections',
  recordPurchase: '/api/v1/ledger/lines',
} as const;

/** The Worker answers at most this many lines per estimates request. */
export const MAX_LINES_PER_REQUEST = 500;
