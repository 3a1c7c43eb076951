import { useState } from 'preact/hooks';

interface Props {
  alternatives: ReadonlyArray<{ naics: string; naicsTitle?: string | undefined }>;
  onCorrect(suggestedNaics: string): Promise<boolean>;
}

type Phase = 'closed' | 'choosing' | 'sending' | 'sent' | 'failed';

/**
 * "Not this category?": pick one of the alternatives or type a 6-digit NAICS code; the
 * suggestion goes to the tenant's review queue.
 */
export function CorrectionForm({ alternatives, onCorrect }: Props) {
  const [phase, setPhase] = useState<Phase>('closed');
  const [code, setCode] = useState('');
  const send = async (naics: string) => {
    setPhase('sending');
    setPhase((await onCorrect(naics)) ? 'sent' : 'failed');
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
              <button type="button" key={alt.naics} onClick={() => void send(alt.naics)}>
                Use {alt.naics}
                {alt.naicsTitle ? ` ${alt.naicsTitle}` : ''}
              </button>
            ))}
          <form
            class="actions"
            onSubmit={(event) => {
              event.preventDefault();
              if (/^\d{6}$/.test(code.trim())) void send(code.trim());
            }}
          >
            <label>
              Other NAICS code{' '}
              <input type="text" inputMode="numeric" pattern="[0-9]{6}" size={7} required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <button type="submit">Suggest</button>
          </form>
        </div>
      )}
      {phase === 'sending' && <p class="status">Sending…</p>}
      {phase === 'sent' && <p class="status">Thanks — sent to your team’s review queue.</p>}
      {phase === 'failed' && <p class="error">Could not send the correction. Try again.</p>}
    </div>
  );
}
