import { clearUserCachesWhenServerChanges, forgetPageSummariesOfLeftPages } from '../features/background/cache-lifetime';
import { injectIntoOpenPages, syncContentScriptRegistration } from '../features/background/content-script-registration';
import { createMessageHandlers } from '../features/background/message-handlers';
import { createBackgroundServices } from '../features/background/services';
import { listenForMessages } from '../utils/messaging-guard';
import { restrictStorageToExtensionPages } from '../utils/storage/access-level';

export default defineBackground(() => {
  const services = createBackgroundServices({ identity: browser.identity });
  listenForMessages(createMessageHandlers(services));
  void restrictStorageToExtensionPages();

  const sync = () => void syncContentScriptRegistration().catch(() => undefined);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Only an update (or a reload) leaves orphaned copies in open pages; after a browser update
    // the pages already run the live script, and a second copy would draw every badge twice.
    const injectAfterUpdate = (granted: string[]) => (reason === 'update' ? injectIntoOpenPages(granted) : undefined);
    void syncContentScriptRegistration().then(injectAfterUpdate).catch(() => undefined);
  });
  // After a browser restart storage.session is empty: resume the session from the refresh token.
  browser.runtime.onStartup.addListener(() => {
    sync();
    void services.keeper.session().catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  forgetPageSummariesOfLeftPages();
  clearUserCachesWhenServerChanges();
});
