import { syncContentScriptRegistration } from '../features/background/content-script-registration';
import { createMessageHandlers } from '../features/background/message-handlers';
import { forgetPageSummary } from '../utils/storage/page-summaries';
import { createApiClient } from '../utils/api/api-client';
import { listenForMessages } from '../utils/messaging-guard';
import { getAuthSession, restrictSessionStorage } from '../utils/storage/auth-session';
import { getServerSetting } from '../utils/storage/settings';

export default defineBackground(() => {
  const api = createApiClient({
    serverUrl: async () => (await getServerSetting()).url,
    token: async () => (await getAuthSession())?.token,
  });
  listenForMessages(createMessageHandlers(api));
  void restrictSessionStorage();

  const sync = () => void syncContentScriptRegistration().catch(() => undefined);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageSummary(tabId));
});
