import { chromium } from 'playwright-core';
const [,, url, out, sel, theme = 'light', w = '900'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: 900 } });
await p.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
await p.goto(url); await p.waitForTimeout(300);
await p.locator(sel).screenshot({ path: out });
await b.close();
