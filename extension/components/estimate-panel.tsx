import type { EstimatedResult } from '../utils/api/estimate-schema';
import { formatKg, formatPercent, formatSteps } from '../utils/format';
import type { LowerEmissionHint } from './badge-state';
import { CorrectionForm } from './correction-form';

interface Props {
  id: string;
  result: EstimatedResult;
  hint: LowerEmissionHint | undefined;
  onClose(): void;
  onCorrect(suggestedNaics: string): Promise<boolean>;
}

const METHOD_LABELS: Record<string, string> = {
  'spend-based': 'Spend-based (spend × supply-chain factor)',
  'supplier-specific': 'Supplier-specific factor',
};
const SOURCE_LABELS: Record<string, string> = {
  'tenant-rule': 'your organisation’s rule',
  'given-code': 'the code on the line',
  classifier: 'automatic classification',
};

function HintBox({ hint }: { hint: LowerEmissionHint }) {
  if (hint.kind === 'lowest') {
    return <p class="hint-box">Lowest emission intensity of the {hint.groupSize} comparable items on this page.</p>;
  }
  return (
    <p class="hint-box">
      Lower-emission option on this page: {hint.description} ({hint.intensity.toFixed(3)} vs {hint.ownIntensity.toFixed(3)} kg CO2e/USD).
    </p>
  );
}

/** The "why" of one estimate: category, factor, method, formula, confidence, alternatives. */
export function EstimatePanel({ id, result, hint, onClose, onCorrect }: Props) {
  const steps = formatSteps(result.steps);
  return (
    <div class="panel" id={id} role="dialog" aria-label="Emission estimate details">
      <button type="button" class="close" aria-label="Close details" onClick={onClose}>
        ×
      </button>
      <h2>
        {formatKg(result.kgCO2e)} kg CO2e
      </h2>
      {hint && <HintBox hint={hint} />}
      <dl>
        <dt>Category</dt>
        <dd data-field="naics">
          NAICS {result.naics} — {result.naicsTitle}
        </dd>
        <dt>Factor</dt>
        <dd data-field="factor">
          {result.factor.value} {result.factor.unit} ({result.factor.dataset} {result.factor.version})
        </dd>
        <dt>Method</dt>
        <dd data-field="method">{METHOD_LABELS[result.calculationMethod] ?? result.calculationMethod}</dd>
        <dt>Classified by</dt>
        <dd>{SOURCE_LABELS[result.classificationSource] ?? result.classificationSource}</dd>
        <dt>Confidence</dt>
        <dd data-field="confidence">{formatPercent(result.confidence)}</dd>
        {result.provisional && (
        <>
          <dt>Note</dt>
          <dd>Provisional: uses the latest published rates and prices.</dd>
        </>
      )}
      {result.range && (
          <>
            <dt>Range</dt>
            <dd>
              {formatKg(result.range.low)}–{formatKg(result.range.high)} kg CO2e
            </dd>
          </>
        )}
      </dl>
      {steps.length > 0 && (
        <>
          <strong>How it was calculated</strong>
          <ol data-field="steps">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {result.alternatives.length > 0 && (
        <>
          <strong>Alternatives</strong>
          <ul data-field="alternatives">
            {result.alternatives.slice(0, 3).map((alt) => (
              <li key={alt.naics}>
                NAICS {alt.naics}
                {alt.naicsTitle ? ` — ${alt.naicsTitle}` : ''} ({formatPercent(alt.confidence)})
              </li>
            ))}
          </ul>
        </>
      )}
      <CorrectionForm alternatives={result.alternatives.slice(0, 3)} onCorrect={onCorrect} />
    </div>
  );
}
