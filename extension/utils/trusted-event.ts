/**
 * Runs `handler` only for events the browser dispatched for the user. Our badges' shadow roots
 * are open (automation tools reach into them), so a page's own script can call `.click()` on our
 * buttons; such events are untrusted and must never send or open anything on the user's behalf.
 */
export function onTrusted<E extends Event>(handler: (event: E) => unknown): (event: E) => void {
  return (event) => {
    if (event.isTrusted) void handler(event);
  };
}
