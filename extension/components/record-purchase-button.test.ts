import { describe, expect, test, vi } from 'vitest';
import { trusted } from '../test/unit/trusted-event';
import { mountRecordPurchaseButton } from './record-purchase-button';

describe('Record this purchase', () => {
  test('a page script’s click() records nothing; the user’s click records', async () => {
    const root = document.createElement('span').attachShadow({ mode: 'open' });
    const onRecord = vi.fn(async () => ({
      ok: true,
      message: 'Recorded 2 lines in your spend ledger.',
    }));
    mountRecordPurchaseButton(root, { pageKindLabel: 'cart', onRecord }).update(2);
    const button = root.querySelector('button')!;

    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onRecord).not.toHaveBeenCalled();

    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(onRecord).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.textContent).toContain('Recorded 2 lines'));
  });
});
