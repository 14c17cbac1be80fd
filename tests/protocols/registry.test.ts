/**
 * The protocol registry: every registered protocol has a profile, a catalogue and a server (driver and machine),
 * its ports are the data file's through its profile's data ids, and an unknown name is a named error, never a
 * fallback. A protocol added to PROFILES without any of these fails here (and, for the keyed maps, in tsc).
 */
import { describe, expect, test } from 'vitest';
import { protocolIds } from '../../src/data/ids.ts';
import { ports } from '../../src/data/ports.ts';
import { loadEngine } from '../../src/components/widgets/engine.ts';
import { loadDriver } from '../../src/machines/driver-loaders.ts';
import { driverOf } from '../../src/machines/servers.ts';
import { openSession, SESSION_PORTS } from '../../src/machines/session.ts';
import { loadCatalogue } from '../../src/protocols/catalogue-loaders.ts';
import { catalogueOf } from '../../src/protocols/catalogues.ts';
import { farewellsOf } from '../../src/protocols/farewells.ts';
import { observedCodeOf } from '../../src/protocols/observed-codes.ts';
import { isProtocol, PROFILES, profileOf, protocolNames, UnknownProtocolError } from '../../src/protocols/registry.ts';
import { SERVED_PORTS, servedPorts } from '../../src/protocols/served-ports.ts';
import { commandVerb } from '../../src/protocols/shared/profile.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

describe('every registered protocol is complete', () => {
  test('names are unique and listed in the profiles order', () => {
    expect(protocolNames).toEqual(PROFILES.map((p) => p.id));
    expect(new Set(protocolNames).size).toBe(PROFILES.length);
    expect(protocolNames).toEqual(['smtp', 'pop3', 'imap']);
  });

  for (const profile of PROFILES) {
    describe(profile.id, () => {
      test('has a profile that profileOf finds, with a label, data ids of the data file and a framing', () => {
        expect(profileOf(profile.id)).toBe(profile);
        expect(profile.label).toBe(profile.id.toUpperCase());
        expect(profile.dataIds.length).toBeGreaterThan(0);
        for (const id of profile.dataIds) expect(protocolIds).toContain(id);
        expect(profile.framing).toBe('line');
      });

      test('has a catalogue, at once and on demand, that explains its own greeting status', async () => {
        const now = catalogueOf(profile.id);
        const later = await loadCatalogue(profile.id);
        expect(typeof now.explain).toBe('function');
        expect(typeof now.inContext).toBe('function');
        expect(later.explain).toBe(now.explain);
        const status = { smtp: '220', pop3: '+OK', imap: 'OK' }[profile.id];
        expect(now.explain(status)?.rfc).toMatch(/^RFC \d+/);
      });

      test('has a server driver for itself, registered at once and on demand, whose machine runs', async () => {
        const driver = driverOf(profile.id);
        expect(driver.protocol).toBe(profile.id);
        expect(await loadDriver(profile.id)).toBe(driver);
        expect(driver.machine.config.initial).toBeDefined();
        for (const port of servedPorts(profile.id)) {
          const session = openSession(new MailWorld({ seed: 1 }), profile.id, port);
          expect(session.greeting.some((e) => e.kind === 'server')).toBe(true);
          expect(session.view().closed).toBe(false);
        }
      });

      test('has an expect pattern, an idle timeout of at least 5 minutes, an observed code and farewells', () => {
        expect(profile.expectPattern.test('-')).toBe(true);
        expect(profile.idleTimeoutSeconds).toBeGreaterThanOrEqual(300);
        expect(typeof observedCodeOf(profile.id)).toBe('function');
        const farewells = farewellsOf(profile.id);
        expect(farewells.internalError[0]?.startsWith(farewells.closingPrefix)).toBe(true);
        expect(farewells.refusal(undefined)[0]?.startsWith(farewells.closingPrefix)).toBe(true);
      });
    });
  }
});

describe('ports derived from the data file', () => {
  test('are the ports the engine has always served, in the data order', () => {
    expect(SERVED_PORTS).toEqual({ smtp: [25, 587, 465], pop3: [110, 995], imap: [143, 993] });
    expect(SESSION_PORTS).toBe(SERVED_PORTS);
  });

  test('every IANA-registered port of a served data id is served by exactly the profile that maps that id', () => {
    for (const fact of ports) {
      const owners = PROFILES.filter((p) => fact.protocols.some((id) => (p.dataIds as readonly string[]).includes(id)));
      expect(owners.length).toBeLessThanOrEqual(1);
      const served = PROFILES.filter((p) => servedPorts(p.id).includes(fact.port)).map((p) => p.id);
      expect(served).toEqual(fact.ianaRegisteredForRole ? owners.map((p) => p.id) : []);
    }
  });

  test('2525 (a vendor convention for submission, not registered to mail) is not served', () => {
    expect(ports.find((p) => p.port === 2525)?.protocols).toEqual(['smtp-submission']);
    expect(Object.values(SERVED_PORTS).flat()).not.toContain(2525);
  });

  test('each data id maps to one profile at most: SMTP serves relay and submission', () => {
    const all = PROFILES.flatMap((p) => [...p.dataIds]);
    expect(new Set(all).size).toBe(all.length);
    expect(profileOf('smtp').dataIds).toEqual(['smtp-relay', 'smtp-submission']);
  });
});

describe('an unknown protocol is a named error, never a fallback', () => {
  test('profileOf throws UnknownProtocolError, a RangeError that names the value and the known protocols', () => {
    const error = (() => {
      try {
        profileOf('jmap');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownProtocolError);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as UnknownProtocolError).name).toBe('UnknownProtocolError');
    expect((error as UnknownProtocolError).protocol).toBe('jmap');
    expect((error as Error).message).toBe('unknown protocol "jmap"; the engine simulates smtp, pop3, imap');
  });

  test('every lookup by name throws or rejects with it', async () => {
    expect(() => catalogueOf('IMAP')).toThrow(UnknownProtocolError);
    expect(() => driverOf('')).toThrow(UnknownProtocolError);
    expect(() => farewellsOf('Pop3')).toThrow(UnknownProtocolError);
    expect(() => observedCodeOf('smtps')).toThrow(UnknownProtocolError);
    expect(() => servedPorts('exchange' as never)).toThrow(UnknownProtocolError);
    expect(() => openSession(new MailWorld({ seed: 1 }), 'http' as never, 80)).toThrow(UnknownProtocolError);
    await expect(loadCatalogue('x')).rejects.toBeInstanceOf(UnknownProtocolError);
    await expect(loadDriver('x')).rejects.toBeInstanceOf(UnknownProtocolError);
    await expect(loadEngine('x' as never)).rejects.toBeInstanceOf(UnknownProtocolError);
  });

  test('isProtocol says yes only for registered names', () => {
    for (const name of protocolNames) expect(isProtocol(name)).toBe(true);
    for (const other of ['SMTP', 'smtp-relay', 'jmap', '', undefined, null, 25]) expect(isProtocol(other)).toBe(false);
  });
});

describe('commandVerb reads the verb where the profile says it is', () => {
  test('after the tag in a tagged protocol, first word otherwise', () => {
    expect(commandVerb(profileOf('imap'), 'a1 login alice wonderland')).toBe('LOGIN');
    expect(commandVerb(profileOf('imap'), 'a1')).toBe('A1');
    expect(commandVerb(profileOf('smtp'), '  ehlo laptop')).toBe('EHLO');
    expect(commandVerb(profileOf('pop3'), 'USER alice')).toBe('USER');
    expect(commandVerb(profileOf('pop3'), '   ')).toBeUndefined();
  });
});
