// Number.prototype.toLocaleString builds a formatter per call (~0.25 ms): reuse two.
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "12.3", "1,235": kilograms as a reader wants them. */
export function formatKg(kg: number): string {
  return (Math.abs(kg) < 10 ? ONE_DECIMAL : WHOLE).format(kg);
}

/** The value of `data-spendprint-kg`: a plain number, three decimals at most. */
export function kgAttribute(kg: number): string {
  return String(Math.round(kg * 1000) / 1000);
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(describeValue).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key} ${describeValue(inner)}`)
      .join(', ');
  }
  return '';
}

/**
 * Formula steps as sentences, whatever shape the server uses: a list of strings, a list of
 * {label|description|name, value|result, …} objects, or an object of named steps.
 */
export function formatSteps(steps: unknown): string[] {
  const lines: string[] = [];
  const fromObject = (step: Record<string, unknown>): string => {
    const label = step.label ?? step.description ?? step.name ?? step.step;
    const value = step.value ?? step.result ?? step.output;
    const unit = typeof step.unit === 'string' ? ` ${step.unit}` : '';
    if (typeof label === 'string' && value !== undefined && value !== null) return `${label}: ${describeValue(value)}${unit}`;
    if (typeof label === 'string') return label;
    return describeValue(step);
  };
  if (Array.isArray(steps)) {
    for (const step of steps) {
      if (typeof step === 'string') lines.push(step);
      else if (step && typeof step === 'object') lines.push(fromObject(step as Record<string, unknown>));
    }
  } else if (steps && typeof steps === 'object') {
    for (const [key, value] of Object.entries(steps as Record<string, unknown>)) {
      lines.push(value && typeof value === 'object' && !Array.isArray(value) ? `${key}: ${fromObject(value as Record<string, unknown>)}` : `${key}: ${describeValue(value)}`);
    }
  } else if (typeof steps === 'string') {
    lines.push(steps);
  }
  return lines.filter(Boolean).slice(0, 20).map((line) => line.slice(0, 240));
}
