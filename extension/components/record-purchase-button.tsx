import { useState } from 'preact/hooks';

interface Props {
  lineCount: number;
  pageKindLabel: string;
  onRecord(): Promise<{ ok: boolean; message: string }>;
}

/** "Record this purchase": sends the page's lines to the tenant's spend ledger. */
export function RecordPurchaseButton({ lineCount, pageKindLabel, onRecord }: Props) {
  const [status, setStatus] = useState<{ busy: boolean; message: string }>({ busy: false, message: '' });
  return (
    <div class="record" role="region" aria-label="Spendprint">
      <span aria-live="polite">{status.message || `${lineCount} lines on this ${pageKindLabel}`}</span>
      <button
        type="button"
        disabled={status.busy}
        onClick={async () => {
          setStatus({ busy: true, message: 'Recording…' });
          const answer = await onRecord();
          setStatus({ busy: false, message: answer.message });
        }}
      >
        Record this purchase
      </button>
    </div>
  );
}
