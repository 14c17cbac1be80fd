import { chromium } from 'playwright-core';
const [,, url, out, w = '1280', theme = 'light', full = '1'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: +w, height: 900 } });
await p.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
await p.goto(url); await p.waitForTimeout(300);
await p.screenshot({ path: out, fullPage: full === '1' });
console.log(await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]));
await b.close();
