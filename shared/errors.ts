/**
 * The one error type of the product. Each code maps to an HTTP status and a problem type;
 * `detail` is safe to show to the caller, internal reasons go to `cause` and are only logged.
 */
export const ErrorCode = {
  validation: 'validation',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  planRequired: 'plan-required',
  notFound: 'not-found',
  conflict: 'conflict',
  periodLocked: 'period-locked',
  payloadTooLarge: 'payload-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  locked: 'locked',
  rateLimited: 'rate-limited',
  csrf: 'csrf',
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorStatus: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'plan-required': 403,
  'not-found': 404,
  conflict: 409,
  'period-locked': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  locked: 429,
  'rate-limited': 429,
  csrf: 403,
  internal: 500,
};

export const errorTitle: Record<ErrorCode, string> = {
  validation: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  'plan-required': 'This feature needs another plan',
  'not-found': 'Not found',
  conflict: 'Conflict with the current state',
  'period-locked': 'The period is signed off',
  'payload-too-large': 'The request is too large',
  'unsupported-media-type': 'Unsupported content type',
  locked: 'Too many failed attempts',
  'rate-limited': 'Too many requests',
  csrf: 'Cross-site request refused',
  internal: 'Something went wrong on our side',
};

export interface ProblemExtras {
  errors?: { path: string; message: string }[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extras: ProblemExtras = {},
    options?: { cause?: unknown },
  ) {
    super(detail ?? code, options);
    this.name = 'AppError';
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId: string;
  [key: string]: unknown;
}

export const problemTypeBase = 'https://spendprint.dev/problems/';
