import { useEffect, useRef, useState } from 'preact/hooks';
import { confidenceBand, intensityLevel } from '../utils/intensity';
import { formatKg, formatPercent } from '../utils/format';
import type { BadgeState } from './badge-state';
import { EstimatePanel } from './estimate-panel';

interface Props {
  state: BadgeState;
  panelId: string;
  onCorrect(suggestedNaics: string): Promise<boolean>;
  onSignIn(): void;
}

const CONFIDENCE_MARKS = { high: '●●●', medium: '●●○', low: '●○○' } as const;
const LEVEL_WORDS = { low: 'low', typical: 'typical', high: 'high' } as const;

/** The inline badge beside a price; click or keyboard focus opens the details panel. */
export function EstimateBadge({ state, panelId, onCorrect, onSignIn }: Props) {
  const [open, setOpen] = useState(false);
  const pointer = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLSpanElement>(null);

  // A click anywhere else closes the panel (focus leaving for another element does too).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const inside = container.current && event.composedPath().includes(container.current);
      if (!inside) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  if (state.kind === 'unable') {
    return (
      <span class="badge unable" role="note" title={state.reason} aria-label={`Spendprint: unable to estimate (${state.reason})`}>
        unable to estimate
      </span>
    );
  }
  if (state.kind === 'unavailable') {
    return (
      <button type="button" class="badge unavailable" onClick={state.signedOut ? onSignIn : undefined} aria-label={`Spendprint: ${state.message}`}>
        {state.signedOut ? 'Sign in for kg CO2e' : 'estimate unavailable'}
      </button>
    );
  }

  const { result, medianFactor, hint } = state;
  const level = intensityLevel(result, medianFactor);
  const band = confidenceBand(result.confidence);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const label =
    `Spendprint estimate: ${formatKg(result.kgCO2e)} kilograms CO2e, ${LEVEL_WORDS[level]} emission intensity, ` +
    `confidence ${formatPercent(result.confidence)}${hint?.kind === 'alternative' ? ', a lower-emission option exists on this page' : ''}. Show details`;

  return (
    <span
      ref={container}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) close();
      }}
      onFocusOut={(event) => {
        // relatedTarget is null when the focused control is replaced inside the panel: stay open.
        const next = event.relatedTarget as Node | null;
        if (next && !(event.currentTarget as Node).contains(next)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class={`badge ${level}`}
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onPointerDown={() => (pointer.current = true)}
        onFocus={() => {
          if (!pointer.current) setOpen(true);
          pointer.current = false;
        }}
        onClick={() => setOpen(!open)}
      >
        <span>{formatKg(result.kgCO2e)} kg CO2e</span>
        <span class="confidence" aria-hidden="true">
          {CONFIDENCE_MARKS[band]}
        </span>
        {hint?.kind === 'lowest' && (
          <span class="hint" aria-hidden="true">
            ↓
          </span>
        )}
      </button>
      {open && <EstimatePanel id={panelId} result={result} hint={hint} onClose={close} onCorrect={onCorrect} />}
    </span>
  );
}
