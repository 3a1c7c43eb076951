import { vi } from 'vitest';

/**
 * Replaces IntersectionObserver (happy-dom's never reports) with one the test drives:
 * `observed` holds the watched elements, `enter(target)` reports one near the viewport.
 * Undo with vi.unstubAllGlobals().
 */
export function fakeIntersectionObserver() {
  const observed = new Set<Element>();
  let report: IntersectionObserverCallback = () => undefined;
  class FakeObserver {
    constructor(callback: IntersectionObserverCallback) {
      report = callback;
    }
    observe(target: Element) {
      observed.add(target);
    }
    unobserve(target: Element) {
      observed.delete(target);
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const enter = (target: Element) =>
    report([{ target, isIntersecting: true } as IntersectionObserverEntry], new FakeObserver(report) as never);
  return { observed, enter };
}
