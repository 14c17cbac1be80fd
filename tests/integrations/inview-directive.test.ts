/** The `client:inview` directive: hydrates when a child comes into view, in a later task than the loading. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import inview, { yieldToMain } from '../../src/integrations/inview-directive.ts';

type Callback = (entries: { isIntersecting: boolean }[]) => void;
let observers: { callback: Callback; observed: unknown[]; disconnected: boolean }[] = [];

class FakeObserver {
  readonly record: (typeof observers)[number];
  constructor(callback: Callback) {
    this.record = { callback, observed: [], disconnected: false };
    observers.push(this.record);
  }
  observe(el: unknown) {
    this.record.observed.push(el);
  }
  disconnect() {
    this.record.disconnected = true;
  }
}

afterEach(() => {
  observers = [];
  vi.unstubAllGlobals();
});

function island() {
  const order: string[] = [];
  const hydrate = vi.fn(async () => void order.push('hydrate'));
  const load = vi.fn(async () => {
    order.push('load');
    return hydrate;
  });
  const el = { children: ['first child', 'second child'] } as unknown as HTMLElement;
  return { order, hydrate, load, el };
}

describe('client:inview', () => {
  test('loads nothing until a child of the island intersects the viewport, then stops watching', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { load, el } = island();
    inview(load, { name: 'inview', value: '' }, el);
    expect(observers[0]?.observed).toEqual(['first child', 'second child']);
    observers[0]!.callback([{ isIntersecting: false }]);
    expect(load).not.toHaveBeenCalled();
    observers[0]!.callback([{ isIntersecting: false }, { isIntersecting: true }]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(observers[0]!.disconnected).toBe(true);
  });

  test('hydrates in a later task than the one that loaded the modules', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { order, hydrate, load, el } = island();
    inview(load, { name: 'inview', value: '' }, el);
    observers[0]!.callback([{ isIntersecting: true }]);
    // Every microtask of the loading task runs: hydration must still wait for the next task.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(order).toEqual(['load']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hydrate).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['load', 'hydrate']);
  });

  test('yields through scheduler.yield where the browser has it', async () => {
    const yielded = vi.fn(async () => {});
    vi.stubGlobal('scheduler', { yield: yielded });
    await yieldToMain();
    expect(yielded).toHaveBeenCalledTimes(1);
  });
});
