/** Attribute on every element Spendprint inserts, so scanners and observers skip them. */
export const HOST_ATTRIBUTE = 'data-spendprint-host';
const HOST_SELECTOR = `[${HOST_ATTRIBUTE}]`;

export function isOwnElement(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  // Our hosts are most of what the observer sees after annotating: the attribute check first.
  return !!element && (element.hasAttribute(HOST_ATTRIBUTE) || element.closest(HOST_SELECTOR) !== null);
}
