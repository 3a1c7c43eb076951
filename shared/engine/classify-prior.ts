/**
 * Prior weight of a NAICS code for a purchase line: purchased goods are priced at the
 * producer's code, so manufacturing (31–33) is the default home of a product noun, while
 * retail stores and wholesalers (which also list the product in their index entries) and
 * farming are less likely readings. Hand-set from how spend-based inventories map goods.
 */
export function sectorPrior(code: string): number {
  const sector = code.slice(0, 2);
  switch (sector) {
    case '31':
    case '32':
    case '33':
      return 1;
    case '42':
      return 0.8;
    case '44':
    case '45':
      return 0.6;
    case '11':
      return 0.75;
    default:
      return 0.85;
  }
}
