import { z } from 'zod';
import type { ApiErrorKind } from './api/api-error';
import type { EstimateResult } from './api/estimate-schema';
import { lineFieldsSchema } from './api/line-schema';

/**
 * The one typed channel between the extension's contexts. Every message is `{type, payload}`,
 * schema-checked on arrival. Content scripts may send only the types in
 * CONTENT_SCRIPT_MESSAGES; everything else (sign-in, tokens, summaries, site access) is refused
 * unless it comes from one of the extension's own pages.
 */
const naicsCode = z.string().regex(/^\d{2,6}$/);
const count = z.number().int().min(0).max(100_000);

export const messageSchemas = {
  // Allowed from content scripts.
  'estimate-lines': z.object({ lines: z.array(lineFieldsSchema).min(1).max(5000) }).strict(),
  'report-correction': z
    .object({ line: lineFieldsSchema, estimatedNaics: naicsCode.optional(), suggestedNaics: z.string().regex(/^\d{6}$/) })
    .strict(),
  'record-purchase': z
    .object({ pageKind: z.enum(['cart', 'requisition', 'order']), lines: z.array(lineFieldsSchema).min(1).max(500) })
    .strict(),
  'report-page-summary': z
    .object({ lineCount: count, estimatedCount: count, totalKg: z.number().finite().nullable() })
    .strict(),
  'open-options': z.object({}).strict(),
  // Extension pages only.
  'sign-in': z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(1024) }).strict(),
  'verify-2fa': z.object({ code: z.string().trim().regex(/^\d{6,8}$/) }).strict(),
  'sign-out': z.object({}).strict(),
  'auth-status': z.object({}).strict(),
  'get-summary': z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
  'sites-changed': z.object({}).strict(),
} as const;

export type MessageType = keyof typeof messageSchemas;
export type MessagePayload<T extends MessageType> = z.infer<(typeof messageSchemas)[T]>;

export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'estimate-lines',
  'report-correction',
  'record-purchase',
  'report-page-summary',
  'open-options',
]);

export type Failure = { ok: false; error: ApiErrorKind | 'bad-request' | 'forbidden'; message: string };
export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;

export interface AuthStatus {
  signedIn: boolean;
  email?: string;
  serverUrl?: string;
  serverManaged: boolean;
  pendingSecondFactor: boolean;
}

export interface MessageResponses {
  'estimate-lines': Outcome<{ ruleVersion: number; results: EstimateResult[]; medianFactor?: number }>;
  'report-correction': Outcome;
  'record-purchase': Outcome<{ recorded: number; duplicates: number }>;
  'report-page-summary': Outcome;
  'open-options': Outcome;
  'sign-in': Outcome<{ status: 'signed-in' | 'mfa-required' }>;
  'verify-2fa': Outcome<{ status: 'signed-in' }>;
  'sign-out': Outcome;
  'auth-status': Outcome<AuthStatus>;
  'get-summary': Outcome<{ summary: unknown; fetchedAt: number }>;
  'sites-changed': Outcome<{ origins: string[] }>;
}

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: MessagePayload<T>;
}

/** Sends a message to the background and returns its typed answer. */
export async function sendMessage<T extends MessageType>(type: T, payload: MessagePayload<T>): Promise<MessageResponses[T]> {
  try {
    const answer = (await browser.runtime.sendMessage({ type, payload })) as MessageResponses[T] | undefined;
    return answer ?? ({ ok: false, error: 'network', message: 'The extension did not answer.' } as MessageResponses[T]);
  } catch {
    return { ok: false, error: 'network', message: 'The extension did not answer.' } as MessageResponses[T];
  }
}

/** Validates an incoming message; undefined for anything malformed or unknown. */
export function parseEnvelope(raw: unknown): Envelope | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) return undefined;
  const parsed = messageSchemas[type as MessageType].safeParse(payload);
  return parsed.success ? ({ type, payload: parsed.data } as Envelope) : undefined;
}

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** True only for the extension's own pages (popup, options), never a content script. */
export function isFromExtensionPage(sender: MessageSender, extensionId: string, extensionBase: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
}

export type MessageHandlers = {
  [T in MessageType]: (payload: MessagePayload<T>, sender: MessageSender) => Promise<MessageResponses[T]>;
};

/** Routes a raw message to its handler after the schema and sender checks. */
export async function dispatchMessage(handlers: MessageHandlers, raw: unknown, sender: MessageSender): Promise<Outcome> {
  const envelope = parseEnvelope(raw);
  if (!envelope) return { ok: false, error: 'bad-request', message: 'Malformed message.' };
  const privileged = !CONTENT_SCRIPT_MESSAGES.has(envelope.type);
  if (privileged && !isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    return { ok: false, error: 'forbidden', message: 'Not allowed from this context.' };
  }
  const handler = handlers[envelope.type] as (payload: unknown, sender: MessageSender) => Promise<Outcome>;
  return handler(envelope.payload, sender);
}

/** Installs the background listener (Promise style for WXT's fake browser, sendResponse for Chrome). */
export function listenForMessages(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener(((raw: unknown, sender: MessageSender, sendResponse?: (answer: unknown) => void) => {
    const answer = dispatchMessage(handlers, raw, sender).catch(
      (): Failure => ({ ok: false, error: 'server', message: 'Something went wrong in Spendprint.' }),
    );
    if (typeof sendResponse !== 'function') return answer;
    void answer.then(sendResponse);
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
