export type ApiErrorKind = 'signed-out' | 'not-configured' | 'network' | 'rejected' | 'rate-limited' | 'server' | 'invalid-response';

/** A failed API call, with a message that is safe to show (never a token or line text). */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads the `title`/`detail` of an application/problem+json answer. */
export async function problemMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: unknown; title?: unknown };
    const text = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : '';
    return text.slice(0, 200) || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
