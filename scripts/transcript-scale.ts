/**
 * How the session simulator keeps up in a long free session: logs in on the POP3 playground, sends NOOP
 * thousands of times, and reports the time from sending a line to the frame after its reply is drawn (median
 * of 31 lines) at chosen command counts, with the transcript's DOM rows and nodes and the JS heap. A figure
 * for the notes, not a test: run `npm run build`, then `node scripts/transcript-scale.ts [port] [counts…]`.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser.ts';

const port = Number(process.argv[2] ?? 4392);
const checkpoints = (process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['1', '1000', '5000']).map(Number);
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--enable-precise-memory-info'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/playground/pop3-995/`);
  const widget = page.locator('.mw-widget[data-widget="session-simulator"]');
  await widget.scrollIntoViewIfNeeded();
  const input = widget.getByRole('textbox', { name: /Command/ });
  for (const line of ['USER alice', 'PASS wonderland']) {
    await input.fill(line);
    await input.press('Enter');
  }
  await page.locator('.mw-sim [role="log"]').getByText('+OK Logged in.').waitFor();
  // Sends `count` lines from inside the page; with `timed`, returns each line's time to its drawn reply.
  const send = (count: number, timed: boolean) =>
    page.evaluate(
      async ({ count, timed }) => {
        const sim = document.querySelector('.mw-sim')!;
        const input = sim.querySelector<HTMLInputElement>('input[type="text"]')!;
        const log = sim.querySelector('[role="log"]')!;
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          const before = log.lastElementChild;
          const t0 = performance.now();
          input.value = 'NOOP';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.form!.requestSubmit();
          while (log.lastElementChild === before || !log.lastElementChild?.textContent?.includes('+OK')) await new Promise((r) => setTimeout(r));
          if (timed) {
            await frame();
            times.push(performance.now() - t0);
          }
        }
        return times;
      },
      { count, timed },
    );
  let sent = 0;
  console.log('commands  ms/line (median of 31)  rows  DOM nodes  heap MB');
  for (const at of checkpoints) {
    if (at - 1 > sent) await send(at - 1 - sent, false);
    const times = (await send(31, true)).sort((a, b) => a - b);
    sent = at - 1 + 31;
    const stats = await page.evaluate(() => ({
      rows: document.querySelectorAll('.mw-sim [role="log"] .row').length,
      nodes: document.getElementsByTagName('*').length,
      heap: ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6,
    }));
    console.log(`${String(at).padStart(8)}  ${times[15]!.toFixed(1).padStart(20)}  ${String(stats.rows).padStart(4)}  ${String(stats.nodes).padStart(9)}  ${stats.heap.toFixed(1).padStart(7)}`);
  }
} finally {
  await browser.close();
  server.kill();
}
