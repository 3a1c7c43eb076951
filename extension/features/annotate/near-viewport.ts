/**
 * Runs `show` once, when `element` comes within a viewport's height (or width) of the visible
 * area. One observer serves every badge of the page; several callers may wait on one element.
 * Without IntersectionObserver, at once. Returns a function that stops waiting.
 */
export function whenNearViewport(element: Element, show: () => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    show();
    return () => undefined;
  }
  const observer = (nearViewport ??= new IntersectionObserver(showNear, { rootMargin: '100%' }));
  const shows = waitersOf(element, observer);
  shows.add(show);
  return () => {
    shows.delete(show);
    if (shows.size === 0 && waiting.get(element) === shows) {
      waiting.delete(element);
      observer.unobserve(element);
    }
  };
}

const waiting = new WeakMap<Element, Set<() => void>>();
let nearViewport: IntersectionObserver | undefined;

/** The callbacks waiting on `element`; the first one starts watching it. */
function waitersOf(element: Element, observer: IntersectionObserver): Set<() => void> {
  let shows = waiting.get(element);
  if (!shows) {
    waiting.set(element, (shows = new Set()));
    observer.observe(element);
  }
  return shows;
}

function showNear(entries: IntersectionObserverEntry[], observer: IntersectionObserver): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const shows = waiting.get(entry.target);
    waiting.delete(entry.target);
    observer.unobserve(entry.target);
    for (const show of shows ?? []) show();
  }
}
