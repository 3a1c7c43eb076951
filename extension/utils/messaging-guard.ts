import { z } from 'zod';
import { lineFieldsSchema } from './api/line-schema';
import {
  CONTENT_SCRIPT_MESSAGES,
  isFromExtensionPage,
  type Envelope,
  type Failure,
  type MessageResponses,
  type MessageSender,
  type MessageType,
  type MessagePayload,
  type Outcome,
} from './messaging';

/** The receiving half of utils/messaging.ts: schemas, sender checks and dispatch (background only). */
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
  'forget-page-summary': z.object({}).strict(),
  'open-options': z.object({}).strict(),
  'page-settings': z.object({}).strict(),
  // Extension pages only.
  'sign-in': z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(1024) }).strict(),
  'verify-2fa': z.object({ code: z.string().trim().regex(/^\d{6,8}$/) }).strict(),
  'sign-in-sso': z.object({ email: z.string().trim().email().max(254) }).strict(),
  'sign-out': z.object({}).strict(),
  'auth-status': z.object({}).strict(),
  'get-summary': z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
  'sites-changed': z.object({}).strict(),
} as const;

/** Validates an incoming message; undefined for anything malformed or unknown. */
export function parseEnvelope(raw: unknown): Envelope | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) return undefined;
  const parsed = messageSchemas[type as MessageType].safeParse(payload);
  return parsed.success ? ({ type, payload: parsed.data } as Envelope) : undefined;
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
