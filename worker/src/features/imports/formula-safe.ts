const FORMULA_START = /^[=+\-@\t\r]/;
const MAX_ECHO_CHARS = 80;

/**
 * A cell value echoed back in an error report, made safe for a spreadsheet (OWASP CSV
 * injection): a leading = + - @ tab or CR would make Excel or Sheets read it as a formula,
 * so it gets a leading apostrophe. Long values are cut.
 */
export function formulaSafe(value: string): string {
  const cut = value.length > MAX_ECHO_CHARS ? `${value.slice(0, MAX_ECHO_CHARS)}…` : value;
  return FORMULA_START.test(cut) ? `'${cut}` : cut;
}
