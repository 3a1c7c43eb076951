import type { ApiClient } from '../../utils/api/api-client';
import { ApiError } from '../../utils/api/api-error';
import type { MessageHandlers } from '../../utils/messaging-guard';
import type { MessageSender, Outcome } from '../../utils/messaging';
import { authStatus, cacheScope, signIn, signOut, verifySecondFactor } from './auth';
import type { SessionKeeper } from './session-keeper';
import { signInWithSso, type WebAuthFlow } from './sso-sign-in';
import { getServerSetting, getUserCurrency } from '../../utils/storage/settings';
import { syncContentScriptRegistration } from './content-script-registration';
import { estimateLines } from './estimate-lines';
import { toLedgerLines } from './ledger-lines';
import { forgetFramePageSummary, savePageSummary, type ReportingFrame } from '../../utils/storage/page-summaries';
import { saveCachedSummary } from '../../utils/storage/summary-cache';
import { toFailure } from './to-failure';

export interface BackgroundServices {
  api: ApiClient;
  keeper: SessionKeeper;
  identity: WebAuthFlow;
}

/** Runs `update` for the frame that sent the message; a message from no tab is refused. */
async function withSenderFrame(sender: MessageSender, update: (frame: ReportingFrame) => Promise<void>): Promise<Outcome> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: 'bad-request', message: 'No tab.' };
  await update({ tabId, frameId: sender.frameId ?? 0, ...(sender.documentId ? { documentId: sender.documentId } : {}) });
  return { ok: true };
}

/** The background's answers to every message type; the API is called from here only. */

export function createMessageHandlers({ api, keeper, identity }: BackgroundServices): MessageHandlers {
  const auth = { api, keeper };
  const scope = () => cacheScope(auth);
  return {
    'estimate-lines': ({ lines }) => estimateLines({ api, cacheScope: scope }, lines),
    'report-correction': async ({ line, suggestedNaics }) => {
      try {
        await api.correction({
          description: line.description,
          suggestedNaics,
          ...(line.supplier ? { supplier: line.supplier } : {}),
          ...(line.glAccount ? { glAccount: line.glAccount } : {}),
        });
        return { ok: true };
      } catch (error) {
        return toFailure(error);
      }
    },
    'record-purchase': async ({ lines }) => {
      try {
        const ledgerLines = toLedgerLines(lines, new Date());
        if (ledgerLines.length === 0) return { ok: false, error: 'bad-request', message: 'No line on this page has an amount.' };
        const answer = await api.recordPurchase(ledgerLines);
        return { ok: true, recorded: answer.recorded, duplicates: answer.duplicates };
      } catch (error) {
        return toFailure(error);
      }
    },
    // Both touch only the sender's own frame's total, never another page's.
    'report-page-summary': (summary, sender) => withSenderFrame(sender, (frame) => savePageSummary(frame, summary)),
    'forget-page-summary': (_, sender) => withSenderFrame(sender, forgetFramePageSummary),
    // A pending policy read waits at most MANAGED_READ_TIMEOUT_MS (settings.ts), as estimate-lines' server read does.
    'page-settings': async () => {
      const defaultCurrency = await getUserCurrency();
      return { ok: true, ...(defaultCurrency ? { defaultCurrency } : {}) };
    },
    'open-options': async () => {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    },
    'sign-in': ({ email, password }) => signIn(auth, email, password),
    'verify-2fa': ({ code }) => verifySecondFactor(auth, code),
    'sign-in-sso': ({ email }) => signInWithSso({ api, identity, serverUrl: async () => (await getServerSetting()).url }, email),
    'sign-out': () => signOut(auth),
    'auth-status': () => authStatus(auth),
    'get-summary': async ({ period }) => {
      try {
        if (!(await scope())) throw new ApiError('signed-out', 'Sign in to Spendprint.');
        const summary = await api.summary(period);
        const fetchedAt = Date.now();
        await saveCachedSummary({ period, summary, fetchedAt });
        return { ok: true, summary, fetchedAt };
      } catch (error) {
        return toFailure(error);
      }
    },
    'sites-changed': async () => ({ ok: true, origins: await syncContentScriptRegistration() }),
  };
}
