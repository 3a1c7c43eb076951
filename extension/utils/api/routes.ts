/** Every API route the extension calls, in one place. */
export const API_ROUTES = {
  estimates: '/api/v1/estimates',
  login: '/api/v1/auth/login',
  verify2fa: '/api/v1/auth/verify-2fa',
  logout: '/api/v1/auth/logout',
  refresh: '/api/v1/auth/refresh',
  /** Opened by identity.launchWebAuthFlow, not fetched. */
  ssoStart: '/api/v1/auth/sso/start',
  ssoExchange: '/api/v1/auth/sso/exchange',
  summary: '/api/v1/summary',
  /** Body: shared/api/review.ts CorrectionRequest. */
  corrections: '/api/v1/review/corrections',
  recordPurchase: '/api/v1/spend/record',
} as const;

/** The Worker answers at most this many lines per estimates request. */
export const MAX_LINES_PER_REQUEST = 500;
