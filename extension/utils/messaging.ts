/**
 * The one typed channel between the extension's contexts. Every message is `{type, payload}`,
 * schema-checked on arrival by messaging-guard.ts (the background's half, which holds the zod
 * schemas so content scripts do not ship zod). Content scripts may send only the types in
 * CONTENT_SCRIPT_MESSAGES; everything else (sign-in, tokens, summaries, site access) is refused
 * unless it comes from one of the extension's own pages. Extension storage is closed to content
 * scripts (TRUSTED_CONTEXTS), so they get the one setting they need through `page-settings`.
 */
import type { z } from 'zod';
import type { ApiErrorKind } from './api/api-error';
import type { EstimateResult } from './api/estimate-schema';
import type { messageSchemas } from './messaging-guard';

export type MessageType = keyof typeof messageSchemas;
export type MessagePayload<T extends MessageType> = z.infer<(typeof messageSchemas)[T]>;

export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'estimate-lines',
  'report-correction',
  'record-purchase',
  'report-page-summary',
  'forget-page-summary',
  'open-options',
  'page-settings',
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
  /** The sending frame's page is gone (pagehide): its lines leave the tab's total. */
  'forget-page-summary': Outcome;
  'open-options': Outcome;
  /** What a content script needs from the user's settings (it cannot read extension storage). */
  'page-settings': Outcome<{ defaultCurrency?: string }>;
  'sign-in': Outcome<{ status: 'signed-in' | 'mfa-required' }>;
  'verify-2fa': Outcome<{ status: 'signed-in' }>;
  'sign-in-sso': Outcome<{ status: 'signed-in' }>;
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

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for the tab's top document, another id for each iframe. */
  frameId?: number;
  /** Chromium's id of the sending document: a frame's next document has another. */
  documentId?: string;
}

/** True only for the extension's own pages (popup, options), never a content script. */
export function isFromExtensionPage(sender: MessageSender, extensionId: string, extensionBase: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
}

