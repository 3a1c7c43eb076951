import { vi } from 'vitest';

/**
 * Replaces IntersectionObserver (happy-dom's never reports) with one the test drives:
 * `observed` holds the watched elements, `enter(target)` reports one near the viewport to the
 * observer created last. Undo with vi.unstubAllGlobals().
 */
export function fakeIntersectionObserver() {
  const observed = new Set<Element>();
  const observers: FakeObserver[] = [];
  class FakeObserver {
    constructor(readonly report: IntersectionObserverCallback) {
      observers.push(this);
    }
    observe(target: Element) {
      observed.add(target);
    }
    unobserve(target: Element) {
      observed.delete(target);
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const enter = (target: Element) => {
    const observer = observers.at(-1)!;
    observer.report([{ target, isIntersecting: true } as IntersectionObserverEntry], observer as unknown as IntersectionObserver);
  };
  return { observed, enter };
}
