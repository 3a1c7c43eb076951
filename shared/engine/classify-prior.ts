/**
 * Prior weight of a NAICS code for a purchase line: purchased goods are priced at the
 * producer's code, so manufacturing (31–33) is the default home of a product noun, while
 * builders, wholesalers, retail stores and farms (which also list the product in their index
 * entries: "guardrail construction", "hardware stores") are less likely readings, as are
 * apparel "contractors" (who sew for others). Hand-set from how spend-based inventories map
 * goods; the few levels were compared once on the development file (see README).
 */
const SECTOR_PRIOR: Record<string, number> = {
  '31': 1, '32': 1, '33': 1,
  '11': 0.75, '23': 0.6, '42': 0.8, '44': 0.6, '45': 0.6,
};
const OTHER_SECTORS = 0.85;

export function sectorPrior(code: string, title: string): number {
  const prior = SECTOR_PRIOR[code.slice(0, 2)] ?? OTHER_SECTORS;
  return /contractors/i.test(title) ? prior * 0.6 : prior;
}

/**
 * A line whose item part ends on a service ("Forklift rental", "Oil change service", "Elevator
 * inspection") buys the service, not the goods it names: goods codes (31–33) count this much.
 */
export const GOODS_WHEN_A_SERVICE = 0.6;
const SERVICE_WORDS = new Set([
  'repair', 'rental', 'maintenance', 'installation', 'cleaning', 'inspection', 'calibration',
  'training', 'consulting', 'hauling', 'removal', 'service', 'servicing', 'leasing', 'hire',
  'subscription', 'labor', 'labour', 'visit', 'testing',
]);

/** Whether `term` (stemmed) names a service a line can end on. */
export function isServiceWord(term: string): boolean {
  return SERVICE_WORDS.has(term);
}

export function isGoodsCode(code: string): boolean {
  return code >= '31' && code < '34';
}
