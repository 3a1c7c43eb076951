import { useState } from 'preact/hooks';

interface Props {
  alternatives: ReadonlyArray<{ naics: string; title?: string | undefined }>;
  onCorrect(suggestedNaics: string | undefined): Promise<boolean>;
}

type Phase = 'closed' | 'choosing' | 'sending' | 'sent' | 'failed';

/** "Not this category?": picks an alternative (or none) and sends it to the review queue. */
export function CorrectionForm({ alternatives, onCorrect }: Props) {
  const [phase, setPhase] = useState<Phase>('closed');
  const send = async (naics: string | undefined) => {
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
          {alternatives.map((alt) => (
            <button type="button" key={alt.naics} onClick={() => void send(alt.naics)}>
              Use {alt.naics}
              {alt.title ? ` ${alt.title}` : ''}
            </button>
          ))}
          <button type="button" onClick={() => void send(undefined)}>
            None of these — ask a reviewer
          </button>
        </div>
      )}
      {phase === 'sending' && <p class="status">Sending…</p>}
      {phase === 'sent' && <p class="status">Thanks — sent to your team’s review queue.</p>}
      {phase === 'failed' && <p class="error">Could not send the correction. Try again.</p>}
    </div>
  );
}
