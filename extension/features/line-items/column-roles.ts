export type ColumnRole =
  | 'description'
  | 'amount'
  | 'unitPrice'
  | 'price'
  | 'quantity'
  | 'supplier'
  | 'currency'
  | 'date'
  | 'glAccount'
  | 'naics'
  | 'sku';

/** Order matters: the first pattern that matches a header names its role. */
const HEADER_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  ['naics', /\bnaics\b/],
  ['sku', /\b(item|part|product|article|catalog|material)\s*(no\.?|#|number|code|id)(\s|$)|\bsku\b|\bgtin\b|^part$/],
  ['glAccount', /\b(gl|g\/l|general ledger)\b|\baccount (code|no|number)\b|^account$/],
  ['unitPrice', /\bunit (price|cost)\b|\bprice (each|per unit|\/ ?unit)\b|\bper unit\b|^(each|rate|unit)$|\bprice ea\b/],
  ['amount', /\b(line |extended |ext\.? |net |item |sub)?total\b|\bamount\b|\bextended\b|\bline value\b|\bnet value\b|^value$/],
  ['price', /\bprice\b|\bcost\b/],
  ['quantity', /\bqty\b|\bquantity\b|^units?$|\bcount\b|^no\.? of/],
  ['supplier', /\bsupplier\b|\bvendor\b|\bseller\b|\bmerchant\b|\bsold by\b|\bmanufacturer\b/],
  ['currency', /\bcurrency\b|^curr\.?$|^ccy$/],
  ['date', /\bdate\b|\bdelivery\b|\bneed[- ]by\b/],
  ['description', /\bdescription\b|\bitem\b|\bproduct\b|\barticle\b|\bservice\b|\bmaterial\b|^name$|\bline item\b|\bgoods\b/],
];

export function roleOfHeader(header: string): ColumnRole | undefined {
  const text = header.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!text || text.length > 60) return undefined;
  return HEADER_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

export type ColumnMap = Partial<Record<ColumnRole, number>>;

/**
 * Maps header texts to column indexes. A line table needs a description column and a money
 * column; with both "price" and "total", price is the unit price.
 */
export function mapColumns(headers: readonly string[]): ColumnMap | undefined {
  const map: ColumnMap = {};
  headers.forEach((header, index) => {
    const role = roleOfHeader(header);
    if (role && map[role] === undefined) map[role] = index;
  });
  if (map.price !== undefined) {
    if (map.amount === undefined && map.quantity === undefined) map.amount = map.price;
    else if (map.unitPrice === undefined) map.unitPrice = map.price;
    delete map.price;
  }
  if (map.description === undefined) return undefined;
  if (map.amount === undefined && map.unitPrice === undefined) return undefined;
  return map;
}
