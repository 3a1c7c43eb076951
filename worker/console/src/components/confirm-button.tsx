import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  /** The first button's text ("Revoke"). */
  label: string;
  /** The second, explicit button's text ("Yes, revoke version 2"). */
  confirmLabel: string;
  /** What happens, shown between the two clicks. */
  warning?: ComponentChildren;
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => void | Promise<unknown>;
}

/** A two-step button: the first click shows the warning and an explicit confirm (or cancel). */
export function ConfirmButton({
  label,
  confirmLabel,
  warning,
  danger,
  disabled,
  onConfirm,
}: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        class={danger ? 'secondary danger-outline' : 'secondary'}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div class={warning ? 'confirm warning-box' : 'confirm'} role="group" aria-label={label}>
      {warning && <div class="warning-text">{warning}</div>}
      <button
        type="button"
        class={danger ? 'danger' : undefined}
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" class="link-button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
