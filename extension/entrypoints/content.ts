import { setUserCurrency } from '../features/adapters/currency-context';
import { runContentFeatures } from '../features/content-features';
import { sendMessage } from '../utils/messaging';

// Registered at run time by the background for the sites the user granted (no install-time
// host permissions). Wiring only: features live in features/.
export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    document.documentElement.dataset.spendprint = 'ready';
    const settings = await sendMessage('page-settings', {});
    setUserCurrency(settings.ok ? settings.defaultCurrency : undefined);
    runContentFeatures({ url: new URL(location.href), document }, ctx.signal);
  },
});
