// Runs every check and test of the project in order and ends with one plain line, "N passed, N failed":
// type checks, unit and component tests (Vitest), the production build, and the browser tests (Playwright).
// Exits non-zero when anything failed. Browser tests never skip: without Chromium they count as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const chromium = process.env.MAILWIRE_CHROMIUM ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${r.status ?? r.signal} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/** A step that is one test of its own (a type check, the build). */
function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
  return ok;
}

/** A test runner whose JSON report gives the counts; a crash without a report counts as one failure. */
function suite(label, cmd, args, report, count, env) {
  const ok = run(label, cmd, args, env);
  const counts = existsSync(report) ? count(JSON.parse(readFileSync(report, 'utf8'))) : { passed: 0, failed: 1, skipped: 0 };
  if (!ok && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed) failures.push(`${label} (${counts.failed})`);
  console.log(`=== ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

step('astro check', 'npx', ['astro', 'check']);
step('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json']);
suite('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`], `${reports}/vitest.json`, (j) => ({
  passed: j.numPassedTests,
  failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0),
  skipped: j.numPendingTests + j.numTodoTests,
}));
const built = step('astro build', 'npx', ['astro', 'build']);
if (!existsSync(chromium)) {
  console.error(`\nChromium not found at ${chromium}: the browser tests cannot run and count as failed.`);
  console.error('Install it with "apt-get update && apt-get install -y chromium", or set MAILWIRE_CHROMIUM to a Chromium binary.');
  totals.failed += 1;
  failures.push('playwright (no Chromium)');
} else if (!built) {
  totals.failed += 1;
  failures.push('playwright (no build to test)');
} else {
  suite('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], `${reports}/playwright.json`, (j) => ({
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
  }), { PLAYWRIGHT_JSON_OUTPUT_FILE: `${reports}/playwright.json` });
}

console.log(failures.length ? `\nFailed: ${failures.join(', ')}` : '\nEverything passed.');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
