import { describe, expect, test } from 'vitest';
import { listenerPlan, IDLE_DEFAULTS } from '../../src/lab/config.ts';
import { parseArgs, usage } from '../../src/lab/options.ts';

describe('parseArgs', () => {
  test('defaults to loopback, offset 10000 and each RFC idle minimum', () => {
    expect(parseArgs([])).toEqual({
      ok: true,
      options: { host: '127.0.0.1', offset: 10000, seed: undefined, idleTimeout: undefined, quiet: false, help: false },
    });
    expect(IDLE_DEFAULTS).toEqual({ smtp: 300, pop3: 600, imap: 1800 });
  });

  test.each([
    [['--host', '0.0.0.0'], { host: '0.0.0.0' }],
    [['--host=::1'], { host: '::1' }],
    [['--offset', '20000'], { offset: 20000 }],
    [['--offset=0'], { offset: 0 }],
    [['--seed', '42'], { seed: 42 }],
    [['--idle-timeout', '5'], { idleTimeout: 5 }],
    [['--idle-timeout=1.5'], { idleTimeout: 1.5 }],
    [['--command-timeout', '30'], { commandTimeout: 30 }],
    [['--command-timeout=1.5'], { commandTimeout: 1.5 }],
    [['--max-connections', '50'], { maxConnections: 50 }],
    [['--max-connections-per-address=5'], { maxConnectionsPerAddress: 5 }],
    [['--quiet'], { quiet: true }],
    [['-h'], { help: true }],
    [['--help'], { help: true }],
  ])('accepts %j', (argv, expected) => {
    const result = parseArgs(argv);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.options).toMatchObject(expected);
  });

  test.each([
    [['--bogus'], 'unknown option "--bogus"'],
    [['extra'], 'unknown option "extra"'],
    [['--offset'], '--offset needs a value'],
    [['--offset', 'ten'], '--offset must be a whole number from 0 to 63540, not "ten"'],
    [['--offset', '63541'], '--offset must be a whole number from 0 to 63540, not "63541"'],
    [['--offset', '-1'], '--offset must be a whole number from 0 to 63540, not "-1"'],
    [['--seed', '1.5'], '--seed must be a whole number, not "1.5"'],
    [['--idle-timeout', '0'], '--idle-timeout must be a number of seconds from 1 to 86400, not "0"'],
    [['--idle-timeout', '-5'], '--idle-timeout must be a number of seconds from 1 to 86400, not "-5"'],
    [['--host', 'bad host!'], '--host "bad host!" is not an address or host name'],
    [['--quiet=yes'], '--quiet takes no value'],
    [['--command-timeout', '0'], '--command-timeout must be a number of seconds from 1 to 86400, not "0"'],
    [['--max-connections', '0'], '--max-connections must be a whole number from 1 to 100000, not "0"'],
    [['--max-connections-per-address', '2.5'], '--max-connections-per-address must be a whole number from 1 to 100000, not "2.5"'],
  ])('rejects %j', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ ok: false, error });
  });

  test('documents every option in the help text', () => {
    for (const name of ['--host', '--offset', '--seed', '--idle-timeout', '--command-timeout', '--max-connections', '--max-connections-per-address', '--quiet', '--help']) {
      expect(usage()).toContain(name);
    }
    expect(usage()).toContain('10025, 10587, 10465, 10110, 10995, 10143, 10993');
  });
});

describe('listenerPlan', () => {
  test('adds the offset to the contract ports and labels security from the data file', () => {
    expect(listenerPlan(20000).map((l) => `${l.protocol} ${l.port} ${l.securityLabel}`)).toEqual([
      'smtp 20025 STARTTLS',
      'smtp 20587 STARTTLS',
      'smtp 20465 Implicit TLS',
      'pop3 20110 STARTTLS',
      'pop3 20995 Implicit TLS',
      'imap 20143 STARTTLS',
      'imap 20993 Implicit TLS',
    ]);
  });
});
