import { useRef, useState } from 'preact/hooks';
import { onTrusted } from '../utils/trusted-event';

interface Props {
  alternatives: ReadonlyArray<{ naics: string; naicsTitle?: string | undefined }>;
  onCorrect(suggestedNaics: string): Promise<boolean>;
}

type Phase = 'closed' | 'choosing' | 'sending' | 'sent' | 'failed';

/**
 * "Not this category?": pick one of the alternatives or type a 6-digit NAICS code; the
 * suggestion goes to the tenant's review queue. Only the user's own clicks and keys send one
 * (onTrusted). No <form>: a page's script could submit it with `requestSubmit()`, whose submit
 * event the browser marks trusted.
 */
export function CorrectionForm({ alternatives, onCorrect }: Props) {
  const [phase, setPhase] = useState<Phase>('closed');
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const send = async (naics: string) => {
    setPhase('sending');
    setPhase((await onCorrect(naics)) ? 'sent' : 'failed');
  };
  const sendTypedCode = () => {
    if (/^\d{6}$/.test(code.trim())) void send(code.trim());
    else codeInput.current?.reportValidity();
  };
  if (phase === 'closed') {
    return (
      <div class="actions">
        <button type="button" onClick={() => setPhase('choosing')}>
          Not this category?
        </button>
      </div>
    );
  }
  return (
    <div aria-live="polite">
      {(phase === 'choosing' || phase === 'failed') && (
        <div class="actions" role="group" aria-label="Suggest the right category">
          {alternatives
            .filter((alt) => /^\d{6}$/.test(alt.naics))
            .map((alt) => (
              <button type="button" key={alt.naics} onClick={onTrusted(() => send(alt.naics))}>
                Use {alt.naics}
                {alt.naicsTitle ? ` ${alt.naicsTitle}` : ''}
              </button>
            ))}
          <div class="actions">
            <label>
              Other NAICS code{' '}
              <input
                ref={codeInput}
                type="text"
                inputMode="numeric"
                pattern="[0-9]{6}"
                size={7}
                required
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
                onKeyDown={onTrusted((e: KeyboardEvent) => {
                  if (e.key === 'Enter') sendTypedCode();
                })}
              />
            </label>
            <button type="button" onClick={onTrusted(sendTypedCode)}>
              Suggest
            </button>
          </div>
        </div>
      )}
      {phase === 'sending' && <p class="status">Sending…</p>}
      {phase === 'sent' && <p class="status">Thanks — sent to your team’s review queue.</p>}
      {phase === 'failed' && <p class="error">Could not send the correction. Try again.</p>}
    </div>
  );
}
