import { describe, expect, test } from 'vitest';
import { joinWords, portRef, portText, portsRef } from '../../src/components/lesson/port-refs.ts';
import { facts } from '../../src/data/lookup.ts';

describe('port references for lesson prose', () => {
  test('gives a port of the data file, and fails the build for one it does not list', () => {
    expect(portRef(993).port).toBe(993);
    expect(() => portRef(2526, 'Port')).toThrow(/<Port n=\{2526\}>: port 2526 is not in src\/data\/facts\.ts/);
  });

  test('lists the registered ports of a role or protocol in the data file’s order', () => {
    const submission = facts.ports.filter((p) => p.role === 'submission' && p.ianaRegisteredForRole).map((p) => p.port);
    expect(portsRef('submission', undefined).map((p) => p.port)).toEqual(submission);
    expect(submission).not.toContain(2525);
    expect(portsRef('access', 'imap').every((p) => p.protocols.includes('imap'))).toBe(true);
    expect(() => portsRef('relay', 'imap')).toThrow(/no registered port has role relay and protocol imap/);
  });

  test('writes ports as prose', () => {
    expect(portText(portRef(993), false)).toBe('993');
    expect(portText(portRef(993), true)).toMatch(/^993 \(.+\)$/);
    expect(joinWords(['587'], 'or')).toBe('587');
    expect(joinWords(['587', '465'], 'or')).toBe('587 or 465');
    expect(joinWords(['25', '587', '465'], 'and')).toBe('25, 587 and 465');
  });
});
