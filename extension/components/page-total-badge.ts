import { formatKg } from '../utils/format';

export interface PageTotal {
  totalKg: number;
  estimated: number;
  lines: number;
}

/**
 * Beside the page's own total: the sum of the estimated lines it covers. Plain DOM (see
 * record-purchase-button.ts); `root` holds nothing else.
 */
export function renderPageTotalBadge(root: ShadowRoot, { totalKg, estimated, lines }: PageTotal): void {
  const partial = estimated < lines ? ` (${estimated} of ${lines} lines)` : '';
  const float = document.createElement('span');
  float.className = 'float';
  const badge = document.createElement('span');
  badge.className = 'badge total';
  badge.setAttribute('role', 'note');
  badge.setAttribute('aria-label', `Spendprint total: ${formatKg(totalKg)} kilograms CO2e${partial}`);
  badge.textContent = `Σ ${formatKg(totalKg)} kg CO2e${partial}`;
  float.append(badge);
  root.replaceChildren(float);
}
