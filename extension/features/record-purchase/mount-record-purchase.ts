import { mountRecordPurchaseButton, type RecordPurchaseButton } from '../../components/record-purchase-button';
import type { LineFieldsInput } from '../../utils/api/line-schema';
import { sendMessage } from '../../utils/messaging';
import { createShadowHost, type ShadowHost } from '../annotate/shadow-host';
import type { PageContext } from '../line-items/line-item';
import { pageKindOf } from './page-kind';

const KIND_LABELS = { cart: 'cart', requisition: 'requisition', order: 'order' } as const;
const MAX_RECORDED_LINES = 500;

/**
 * On cart, requisition and order pages, a fixed "Record this purchase" control (fixed, so it
 * shifts no layout) that sends the page's lines to the spend ledger. Elsewhere: nothing.
 */
export function mountRecordPurchase(page: PageContext, currentLines: () => LineFieldsInput[], signal: AbortSignal) {
  const kind = pageKindOf(page.url, page.document);
  let mounted: { shadow: ShadowHost; button: RecordPurchaseButton } | undefined;
  const update = (lineCount: number) => {
    if (!kind || lineCount === 0 || signal.aborted) return;
    if (!mounted) {
      const shadow = createShadowHost('record');
      shadow.host.style.cssText = 'all: initial;';
      const button = mountRecordPurchaseButton(shadow.root, {
        pageKindLabel: KIND_LABELS[kind],
        onRecord: async () => {
          const lines = currentLines().slice(0, MAX_RECORDED_LINES);
          const answer = await sendMessage('record-purchase', { pageKind: kind, lines });
          return answer.ok
            ? {
                ok: true,
                message: `Recorded ${answer.recorded} lines in your spend ledger${answer.duplicates ? ` (${answer.duplicates} already there)` : ''}.`,
              }
            : { ok: false, message: answer.message };
        },
      });
      mounted = { shadow, button };
      page.document.body.append(shadow.host);
    }
    mounted.button.update(lineCount);
  };
  signal.addEventListener('abort', () => mounted?.shadow.host.remove(), { once: true });
  return { update };
}
