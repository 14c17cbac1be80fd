import { describe, expect, test } from 'vitest';
import { capabilities, isMaildropFree, offeredMechanisms, plainUser } from '../../../src/protocols/pop3/auth.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';

describe('plainUser', () => {
  const world = new MailWorld();
  test.each([
    ['\0bob\0builder', 'bob'],
    ['bob\0bob\0builder', 'bob'],
    ['alice\0bob\0builder', undefined],
    ['\0bob\0wrong', undefined],
    ['\0\0builder', undefined],
    ['bob\0builder', undefined],
    ['', undefined],
    ['\0bob\0builder\0', undefined],
  ])('authenticates %j as %s', (decoded, user) => {
    expect(plainUser(world, decoded)?.name).toBe(user);
  });
});

describe('capabilities', () => {
  test.each([
    [{ tls: false, tlsRequired: true, user: undefined }, ['CAPA', 'TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE', 'STLS', 'SASL', 'EXPIRE NEVER', 'IMPLEMENTATION Mailwire']],
    [{ tls: true, tlsRequired: true, user: undefined }, ['CAPA', 'TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE', 'USER', 'SASL PLAIN LOGIN', 'EXPIRE NEVER', 'IMPLEMENTATION Mailwire']],
    [{ tls: true, tlsRequired: false, user: 'bob' }, ['CAPA', 'TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE', 'EXPIRE NEVER', 'IMPLEMENTATION Mailwire']],
  ])('lists what applies to %j', (ctx, expected) => {
    expect(capabilities(ctx)).toEqual(expected);
  });

  test('offers no mechanism before TLS where TLS is required', () => {
    expect(offeredMechanisms({ tls: false, tlsRequired: true })).toEqual([]);
    expect(offeredMechanisms({ tls: true, tlsRequired: true })).toEqual(['PLAIN', 'LOGIN']);
  });
});

describe('isMaildropFree', () => {
  test('answers without keeping the lock', () => {
    const world = new MailWorld();
    expect(isMaildropFree(world, 'bob', 's1')).toBe(true);
    expect(world.lockMaildrop('bob', 's2')).toBe(true);
    expect(isMaildropFree(world, 'bob', 's1')).toBe(false);
    world.unlockMaildrop('bob', 's2');
    expect(isMaildropFree(world, 'bob', 's1')).toBe(true);
    expect(world.lockMaildrop('bob', 's3')).toBe(true);
  });
});
