/**
 * The `client:inview` directive, run in the browser (Astro bundles it into each page that uses it): when any
 * child of the island intersects the viewport, load the island's modules, yield, then hydrate.
 */
import type { ClientDirective } from 'astro';

/** Gives the main thread back once: `scheduler.yield()` where the browser has it, else a new task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const inview: ClientDirective = (load, _options, el) => {
  const start = async () => {
    const hydrate = await load();
    await yieldToMain();
    await hydrate();
  };
  const io = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    io.disconnect();
    void start();
  });
  for (const child of el.children) io.observe(child);
};

export default inview;
