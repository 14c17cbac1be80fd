/**
 * `npm run lab` (`node src/lab/main.ts`): simulated SMTP, POP3 and IMAP servers on loopback TCP for real mail clients.
 * On glibc the lab runs in a child process with the allocator settings that let it return memory (allocator.ts).
 */
import { onGlibc, relaunch, wantsRelaunch } from './allocator.ts';
import { runCli } from './cli.ts';

process.exitCode = wantsRelaunch(process.env, onGlibc()) ? await relaunch() : await runCli(process.argv.slice(2));
