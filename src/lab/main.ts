/** `npm run lab` (`node src/lab/main.ts`): simulated SMTP, POP3 and IMAP servers on loopback TCP for real mail clients. */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
