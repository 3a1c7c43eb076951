/** Attribute on every element Spendprint inserts, so scanners and observers skip them. */
export const HOST_ATTRIBUTE = 'data-spendprint-host';

export function isOwnElement(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(`[${HOST_ATTRIBUTE}]`);
}
