import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumArgs, chromiumPath } from '/work/wt11-predict/tests/e2e/browser.ts';
import { beyondShell, measurePage } from '/work/wt11-predict/scripts/js-weight.ts';
const dist = process.argv[2]!; const port = Number(process.argv[3]);
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage();
  const base = `http://127.0.0.1:${port}`;
  const shell = await measurePage(page, base + '/compare/', dist);
  for (const path of ['/scenarios/smtp-submission-587/', '/scenarios/imap-first-session/', '/scenarios/pop3-first-session/', '/playground/smtp/', '/lessons/smtp/']) {
    const w = await measurePage(page, base + path, dist);
    console.log(path.padEnd(40), (beyondShell(w, shell) / 1024).toFixed(2)); if (path.includes("587")) for (const [f, n] of w.files) if (!shell.files.has(f)) console.log("   ", n, f);
  }
} finally { await browser.close(); server.kill(); }
