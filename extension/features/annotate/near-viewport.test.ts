import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeIntersectionObserver } from '../../test/unit/fake-intersection-observer';

describe('whenNearViewport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  test('shows every waiter of an element once, and stops watching an element nobody waits for', async () => {
    const { observed, enter } = fakeIntersectionObserver();
    const { whenNearViewport } = await import('./near-viewport');
    const [cell, other] = [document.createElement('td'), document.createElement('td')];
    const [first, second, third] = [vi.fn(), vi.fn(), vi.fn()];
    whenNearViewport(cell, first);
    const stopSecond = whenNearViewport(cell, second);
    const stopThird = whenNearViewport(other, third);
    stopSecond();
    stopThird();
    expect([...observed]).toEqual([cell]);
    enter(cell);
    enter(cell);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(third).not.toHaveBeenCalled();
    expect(observed.size).toBe(0);
  });

  test('without IntersectionObserver, shows at once', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { whenNearViewport } = await import('./near-viewport');
    const show = vi.fn();
    whenNearViewport(document.createElement('td'), show);
    expect(show).toHaveBeenCalledTimes(1);
  });
});
