/** Command-line options of `npm run lab`: parsing never throws; a bad argument comes back as a message. */
import { isIP } from 'node:net';
import { PROFILES } from '../protocols/registry.ts';
import { COMMAND_TIMEOUT, DEFAULT_HOST, DEFAULT_OFFSET, HIGHEST_STANDARD_PORT, HIGHEST_TEST_PORT, IDLE_DEFAULTS, listenerPlan, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS } from './config.ts';

/** What the command line asks for. */
export interface CliOptions {
  host: string;
  offset: number;
  seed: number | undefined;
  /** Seconds; undefined keeps each protocol's RFC minimum. */
  idleTimeout: number | undefined;
  /** Seconds for a command line (and a TLS handshake) to complete; undefined keeps the default (60 s). */
  commandTimeout?: number;
  /** Connection caps; undefined keeps the defaults (1000 in total, 100 per client address). */
  maxConnections?: number;
  maxConnectionsPerAddress?: number;
  quiet: boolean;
  help: boolean;
  /** Also serve the test protocols (hello over HTTP on offset + 8080). */
  testProtocols?: boolean;
  /** The Exchange deployment that answers a host naming none (localhost, 127.0.0.1); undefined keeps Exchange Server SE. */
  exchange?: 'server-se' | 'online';
}

/** The outcome of parsing: options, or the message to print before exiting with code 2. */
export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

/** The `--help` text. */
export function usage(): string {
  return [
    'Usage: npm run lab -- [options]     (or: node src/lab/main.ts [options])',
    '',
    'Starts simulated SMTP, POP3 and IMAP servers on real TCP sockets, all sharing one mail world.',
    `Each listens on offset + its standard port: ${listenerPlan(DEFAULT_OFFSET).map((l) => l.port).join(', ')} by default.`,
    '',
    'Options:',
    `  --host <address>         address to listen on (default ${DEFAULT_HOST}; loopback keeps the lab private)`,
    `  --offset <n>             added to each standard port (default ${DEFAULT_OFFSET}; 0 needs root)`,
    '  --seed <n>               seed of the mail world: same seed, same ids and UIDVALIDITY (default 1)',
    '  --idle-timeout <seconds> idle limit for every protocol (default: each RFC minimum:',
    `                           ${PROFILES.map((p) => `${p.label} ${IDLE_DEFAULTS[p.id]} s`).join(', ')})`,
    `  --command-timeout <seconds>  time for a command line to complete once begun, and for a TLS`,
    `                           handshake; more octets do not restart it (default ${COMMAND_TIMEOUT})`,
    `  --max-connections <n>    open connections at most; more are refused (default ${MAX_CONNECTIONS})`,
    `  --max-connections-per-address <n>`,
    `                           open connections at most from one client address (default ${MAX_CONNECTIONS_PER_ADDRESS})`,
    '  --quiet                  do not print the session transcripts',
    '  --exchange <server-se|online>  the Exchange deployment that answers requests to localhost or an',
    '                           address, for clients that cannot set Host (default server-se)',
    '  --test-protocols         also serve the test protocols: "hello" over HTTP on offset + 8080',
    '                           (GET /hello?name=ada; not a mail protocol, for testing the HTTP framing)',
    '  -h, --help               show this help',
    '',
    'Transcript lines: [<port> <session>] C: client line, S: server line; C*: and S*: travelled inside TLS;',
    '-- marks an event (connect, TLS handshake, close). Stop with Ctrl-C.',
  ].join('\n');
}

const VALUED = new Set(['--host', '--offset', '--seed', '--idle-timeout', '--command-timeout', '--max-connections', '--max-connections-per-address', '--exchange']);

/** Parses `process.argv.slice(2)`; accepts `--name value` and `--name=value`. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const options: CliOptions = { host: DEFAULT_HOST, offset: DEFAULT_OFFSET, seed: undefined, idleTimeout: undefined, quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name === '-h' || name === '--help' || name === '--quiet' || name === '--test-protocols') {
      if (eq !== -1) return fail(`${name} takes no value`);
      if (name === '--quiet') options.quiet = true;
      else if (name === '--test-protocols') options.testProtocols = true;
      else options.help = true;
      continue;
    }
    if (!VALUED.has(name)) return fail(`unknown option "${arg}"`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') return fail(`${name} needs a value`);
    const error = apply(options, name, value);
    if (error) return fail(error);
  }
  if (options.testProtocols && options.offset > 65_535 - HIGHEST_TEST_PORT) return fail(`--offset must be at most ${65_535 - HIGHEST_TEST_PORT} with --test-protocols, not ${options.offset}`);
  return { ok: true, options };
}

function apply(options: CliOptions, name: string, value: string): string | undefined {
  switch (name) {
    case '--host':
      if (isIP(value) === 0 && !/^[A-Za-z0-9.-]+$/.test(value)) return `--host "${value}" is not an address or host name`;
      options.host = value;
      return undefined;
    case '--offset': {
      const n = integer(value);
      const max = 65_535 - HIGHEST_STANDARD_PORT;
      if (n === undefined || n < 0 || n > max) return `--offset must be a whole number from 0 to ${max}, not "${value}"`;
      options.offset = n;
      return undefined;
    }
    case '--seed': {
      const n = integer(value);
      if (n === undefined) return `--seed must be a whole number, not "${value}"`;
      options.seed = n;
      return undefined;
    }
    case '--exchange':
      if (value !== 'server-se' && value !== 'online') return `--exchange must be server-se or online, not "${value}"`;
      options.exchange = value;
      return undefined;
    case '--max-connections':
    case '--max-connections-per-address': {
      const n = integer(value);
      if (n === undefined || n < 1 || n > 100_000) return `${name} must be a whole number from 1 to 100000, not "${value}"`;
      if (name === '--max-connections') options.maxConnections = n;
      else options.maxConnectionsPerAddress = n;
      return undefined;
    }
    default: {
      const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1) || n > 86_400) return `${name} must be a number of seconds from 1 to 86400, not "${value}"`;
      if (name === '--idle-timeout') options.idleTimeout = n;
      else options.commandTimeout = n;
      return undefined;
    }
  }
}

function integer(value: string): number | undefined {
  if (!/^-?\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
