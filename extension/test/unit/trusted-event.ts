/**
 * Marks an event as the browser marks the user's own input. happy-dom marks no event trusted;
 * in a browser, `isTrusted` is unforgeable, so a page's script cannot do this.
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
