/**
 * Runs `show` once, when `element` comes within a viewport's height (or width) of the visible
 * area. One observer serves every badge of the page. Without IntersectionObserver, at once.
 * Returns a function that stops waiting.
 */
export function whenNearViewport(element: Element, show: () => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    show();
    return () => undefined;
  }
  const observer = (nearViewport ??= new IntersectionObserver(showNear, { rootMargin: '100%' }));
  waiting.set(element, show);
  observer.observe(element);
  return () => {
    waiting.delete(element);
    observer.unobserve(element);
  };
}

const waiting = new WeakMap<Element, () => void>();
let nearViewport: IntersectionObserver | undefined;

function showNear(entries: IntersectionObserverEntry[], observer: IntersectionObserver): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const show = waiting.get(entry.target);
    waiting.delete(entry.target);
    observer.unobserve(entry.target);
    show?.();
  }
}
