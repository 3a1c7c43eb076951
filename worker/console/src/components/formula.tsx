import type { EstimateResult, FormulaStep } from '../api-types';
import { formatCo2e, formatFigure, formatPercent } from './format';

const SOURCE_LABEL: Record<string, string> = {
  'tenant-rule': 'a tenant rule',
  'given-code': 'the NAICS code given with the line',
  classifier: 'the classifier',
};

/** The formula behind a stored estimate: classification, factor and every conversion step. */
export function Formula({ estimate }: { estimate: EstimateResult }) {
  if (estimate.status === 'unable') {
    return (
      <div class="formula">
        <p>
          <strong>Unable to estimate:</strong> {estimate.reason}
        </p>
        {estimate.classification && (
          <p class="muted">
            Classified as {estimate.classification.naics} {estimate.classification.naicsTitle} by{' '}
            {SOURCE_LABEL[estimate.classification.classificationSource]}.
          </p>
        )}
      </div>
    );
  }
  return (
    <div class="formula">
      <p>
        <strong>
          NAICS {estimate.naics} {estimate.naicsTitle}
        </strong>{' '}
        — classified by {SOURCE_LABEL[estimate.classificationSource]}
        {estimate.rule && (
          <>
            {' '}
            (
            <span data-testid="formula-rule">
              {estimate.rule.kind} rule <code>{estimate.rule.id}</code> v{estimate.rule.version}
            </span>
            )
          </>
        )}
        , confidence {formatPercent(estimate.confidence)}.
      </p>
      <p class="muted">
        {estimate.calculationMethod === 'supplier-specific' && estimate.supplierFactor
          ? `Supplier-specific factor for ${estimate.supplierFactor.supplier} (${estimate.supplierFactor.source}, v${estimate.supplierFactor.version}).`
          : `Spend-based factor: ${estimate.factor.dataset} ${estimate.factor.version}.`}
        {estimate.provisional && ' Provisional: a rate or price index was not yet published.'}
      </p>
      <ol class="formula-steps">
        {estimate.steps.map((step, index) => (
          <StepRow key={index} step={step} />
        ))}
      </ol>
      {estimate.kgCO2e !== null && estimate.range && (
        <p class="muted">
          Result {formatCo2e(estimate.kgCO2e)}; 90% range {formatCo2e(estimate.range.low)} to{' '}
          {formatCo2e(estimate.range.high)}.
        </p>
      )}
    </div>
  );
}

function StepRow({ step }: { step: FormulaStep }) {
  if (step.value === null) {
    return <li class="formula-note">{step.label}</li>;
  }
  return (
    <li>
      <span class="step-label">{step.label}</span>{' '}
      <span class="step-value">
        {formatFigure(step.value)} {step.unit}
      </span>
      {(step.period || step.source) && (
        <span class="muted">
          {' '}
          ({[step.period, step.source].filter(Boolean).join(', ')}
          {step.provisional ? ', provisional' : ''})
        </span>
      )}
    </li>
  );
}
