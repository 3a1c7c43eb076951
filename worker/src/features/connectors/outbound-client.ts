import { tokenFingerprint } from '../../lib/crypto/tokens';
import { checkOutbound, type AllowList } from './allow-list';

/**
 * The only way a connector reaches its ERP. Each call is checked against the allow-list before
 * anything leaves the Worker, and each call (refused ones too) is recorded for the outbound
 * access log: time, method, endpoint without its query, status, token fingerprint and scope.
 * Nothing here logs a token, a secret or a response body.
 */
const TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type CallOutcome = 'ok' | 'http-error' | 'network-error' | 'refused';

export interface CallRecord {
  id: string;
  at: Date;
  method: string;
  endpoint: string;
  operation: string | null;
  status: number | null;
  outcome: CallOutcome;
  tokenFingerprint: string | null;
  scope: string;
  durationMs: number;
}

/** A call the allow-list refused; nothing was sent. */
export class OffAllowListError extends Error {
  override name = 'OffAllowListError';
}

/** The ERP could not be reached or answered in a way the connector cannot use. */
export class ErpError extends Error {
  override name = 'ErpError';
}

export interface ErpAnswer {
  status: number;
  body: string;
  call: CallRecord;
}

function endpointOf(target: string): string {
  try {
    const url = new URL(target);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ErpError('the answer is larger than 8 MB');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export class OutboundClient {
  readonly calls: CallRecord[] = [];

  constructor(
    private readonly allowList: AllowList,
    private readonly scope: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Sends one request if the allow-list permits it; throws OffAllowListError otherwise. The
   * bearer token is asked for only once the call is allowed, so a refused call costs no token.
   */
  async send(
    method: string,
    target: string,
    init: {
      headers?: Record<string, string>;
      body?: string;
      bearer?: () => Promise<string>;
    } = {},
  ): Promise<ErpAnswer> {
    const verdict = checkOutbound(this.allowList, method, target);
    const record = (
      operation: string | null,
      tokenFingerprint: string | null,
      outcome: CallOutcome,
    ) => {
      const call: CallRecord = {
        id: `call_${crypto.randomUUID()}`,
        at: this.clock(),
        method: method.toUpperCase(),
        endpoint: endpointOf(target),
        operation,
        status: null,
        outcome,
        tokenFingerprint,
        scope: this.scope,
        durationMs: 0,
      };
      this.calls.push(call);
      return call;
    };
    if (!verdict.allowed) {
      const refused = record(null, null, 'refused');
      throw new OffAllowListError(
        `${refused.method} ${refused.endpoint} refused: ${verdict.reason}`,
      );
    }
    // Asking for the token may itself be a (recorded) call; this one is recorded after it.
    const bearer = init.bearer ? await init.bearer() : undefined;
    const fingerprint = bearer ? await tokenFingerprint(bearer) : null;
    // Until an answer arrives, the call counts as not having reached the ERP.
    const call = record(verdict.operation, fingerprint, 'network-error');
    const started = Date.now();
    try {
      const response = await fetch(target, {
        method: call.method,
        redirect: 'manual',
        headers: {
          ...init.headers,
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: init.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      call.status = response.status;
      call.outcome = response.ok ? 'ok' : 'http-error';
      const body = await readCapped(response);
      return { status: response.status, body, call };
    } catch (error) {
      if (error instanceof ErpError) throw error;
      throw new ErpError(
        call.status === null
          ? `${call.endpoint} could not be reached`
          : `${call.endpoint} answer could not be read`,
      );
    } finally {
      call.durationMs = Date.now() - started;
    }
  }
}
