/**
 * Rounds half away from zero on the number's shortest decimal form, as Intl.NumberFormat does
 * (so 0.15 → 0.2 and 1.45 → 1.5, where toFixed would say 0.1 and 1.4).
 */
function roundDecimal(abs: number, digits: number): number {
  if (abs < 0.01) return 0; // rounds to 0 at one decimal or none, and keeps exponent forms out
  return Number(`${Math.round(Number(`${abs}e${digits}`))}e-${digits}`);
}

const groupThousands = (digits: string) => (digits.length > 3 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits);
let hugeFormat: Intl.NumberFormat | undefined;

/**
 * "12.3", "1,235": kilograms as a reader wants them (en-US). Written out rather than with
 * Intl.NumberFormat: creating a formatter in a page's content script costs more main-thread
 * time than formatting all 500 badges of a page by hand. Equal to Intl's answer (tested).
 */
export function formatKg(kg: number): string {
  const abs = Math.abs(kg);
  if (!Number.isFinite(kg) || abs >= 1e15) return (hugeFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(kg);
  const sign = kg < 0 || Object.is(kg, -0) ? '-' : '';
  if (abs < 10) return sign + roundDecimal(abs, 1).toFixed(1);
  return sign + groupThousands(String(roundDecimal(abs, 0)));
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
