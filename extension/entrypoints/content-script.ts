import { setUserCurrency } from '../features/adapters/currency-context';
import { runContentFeatures } from '../features/content-features';
import { untilSuperseded } from '../features/superseded';
import { sendMessage } from '../utils/messaging';

// The content script, registered at run time by the background for the sites the user granted
// (no install-time host permissions). Wiring only: features live in features/. Built as a plain
// script rather than with WXT's defineContentScript, whose context posts a window message to the
// page on every start (main-thread time for nothing); untilSuperseded keeps its one duty.
export default defineUnlistedScript(async () => {
  document.documentElement.dataset.spendprint = 'ready';
  const signal = untilSuperseded();
  const settings = await sendMessage('page-settings', {});
  setUserCurrency(settings.ok ? settings.defaultCurrency : undefined);
  runContentFeatures({ url: new URL(location.href), document }, signal);
});
