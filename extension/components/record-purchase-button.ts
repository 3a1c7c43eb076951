import { onTrusted } from '../utils/trusted-event';

export interface RecordPurchaseOptions {
  pageKindLabel: string;
  onRecord(): Promise<{ ok: boolean; message: string }>;
}

export interface RecordPurchaseButton {
  /** Shows the page's current line count (unless the answer of a recording is on show). */
  update(lineCount: number): void;
}

/**
 * "Record this purchase": sends the page's lines to the tenant's spend ledger. Plain DOM, not
 * Preact: it is built on every matching page load, and Preact's first render costs the page
 * milliseconds of main-thread time (Preact renders only the details panel, on open).
 */
export function mountRecordPurchaseButton(root: ShadowRoot, { pageKindLabel, onRecord }: RecordPurchaseOptions): RecordPurchaseButton {
  const region = document.createElement('div');
  region.className = 'record';
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Spendprint');
  const status = document.createElement('span');
  status.setAttribute('aria-live', 'polite');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Record this purchase';
  region.append(status, button);
  root.append(region);

  let lineCount = 0;
  let message = '';
  const show = () => {
    status.textContent = message || `${lineCount} lines on this ${pageKindLabel}`;
  };
  const record = async () => {
    button.disabled = true;
    message = 'Recording…';
    show();
    const answer = await onRecord();
    button.disabled = false;
    message = answer.message;
    show();
  };
  button.addEventListener('click', onTrusted(record));
  return {
    update(count) {
      lineCount = count;
      show();
    },
  };
}
