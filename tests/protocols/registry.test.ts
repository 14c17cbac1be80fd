/**
 * The protocol registry: every registered protocol has a profile and a catalogue; a line protocol has a server
 * driver (its machine), farewells and an observed code, an HTTP protocol an HttpServer; a line protocol's ports are
 * the data file's through its profile's data ids, and an unknown name is a named error, never a fallback. A
 * protocol added to PROFILES without any of these fails here (and, for the keyed maps, in tsc).
 */
import { describe, expect, test } from 'vitest';
import { protocolIds } from '../../src/data/ids.ts';
import { ports } from '../../src/data/ports.ts';
import { loadEngine } from '../../src/components/widgets/engine.ts';
import { loadDriver } from '../../src/machines/driver-loaders.ts';
import '../../src/machines/http-servers.ts';
import { httpServer, openHttpSession } from '../../src/machines/http-session.ts';
import { driverOf } from '../../src/machines/servers.ts';
import { openSession, SESSION_PORTS } from '../../src/machines/session.ts';
import { loadCatalogue } from '../../src/protocols/catalogue-loaders.ts';
import { catalogueOf } from '../../src/protocols/catalogues.ts';
import { farewellsOf } from '../../src/protocols/farewells.ts';
import { observedCodeOf } from '../../src/protocols/observed-codes.ts';
import {
  HTTP_PROFILES,
  httpProfileOf,
  isHttpProtocol,
  isLineProtocol,
  isProtocol,
  LINE_PROFILES,
  lineProfileOf,
  lineProtocolNames,
  PROFILES,
  profileOf,
  protocolNames,
  UnknownProtocolError,
} from '../../src/protocols/registry.ts';
import { SERVED_PORTS, servedPorts } from '../../src/protocols/served-ports.ts';
import { commandVerb } from '../../src/protocols/shared/profile.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

describe('every registered protocol is complete', () => {
  test('names are unique and listed in the profiles order', () => {
    expect(protocolNames).toEqual(PROFILES.map((p) => p.id));
    expect(new Set(protocolNames).size).toBe(PROFILES.length);
    expect(lineProtocolNames).toEqual(['smtp', 'pop3', 'imap']);
    expect(HTTP_PROFILES.map((p) => p.id)).toEqual(['exchange', 'hello']);
    expect(protocolNames).toEqual([...lineProtocolNames, 'exchange', 'hello']);
  });

  test('each profile is of exactly one framing, and the framing lists partition the registry', () => {
    expect([...LINE_PROFILES, ...HTTP_PROFILES]).toEqual([...PROFILES]);
    for (const profile of PROFILES) {
      expect(isLineProtocol(profile.id)).toBe(profile.framing === 'line');
      expect(isHttpProtocol(profile.id)).toBe(profile.framing === 'http');
    }
  });

  for (const profile of PROFILES) {
    describe(profile.id, () => {
      test('has a profile that profileOf finds, with a label, data ids of the data file and an expect pattern', () => {
        expect(profileOf(profile.id)).toBe(profile);
        expect(profile.label.toLowerCase()).toBe(profile.id);
        for (const id of profile.dataIds) expect(protocolIds).toContain(id);
        expect(profile.expectPattern.test('-')).toBe(profile.framing === 'line');
        expect(typeof profile.tokenize).toBe('function');
      });

      test('has a catalogue, at once and on demand, that explains its own greeting status', async () => {
        const now = catalogueOf(profile.id);
        const later = await loadCatalogue(profile.id);
        expect(typeof now.explain).toBe('function');
        expect(typeof now.inContext).toBe('function');
        expect(later.explain).toBe(now.explain);
        const status = { smtp: '220', pop3: '+OK', imap: 'OK', exchange: '200', hello: '200' }[profile.id];
        expect(now.explain(status)?.rfc).toMatch(/^RFC \d+/);
      });
    });
  }

  for (const profile of LINE_PROFILES) {
    describe(`${profile.id} (line)`, () => {
      test('has data ids and a line framing', () => {
        expect(lineProfileOf(profile.id)).toBe(profile);
        expect(profile.label).toBe(profile.id.toUpperCase());
        expect(profile.dataIds.length).toBeGreaterThan(0);
        expect(profile.framing).toBe('line');
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

  for (const profile of HTTP_PROFILES) {
    describe(`${profile.id} (HTTP)`, () => {
      test('has an HttpServer for itself whose idle timeout is the profile\'s, and sessions on its ports answer', () => {
        expect(httpProfileOf(profile.id)).toBe(profile);
        const server = httpServer(profile.id);
        expect(server.protocol).toBe(profile.id);
        expect(server.framing).toBe('http');
        expect(server.idleSeconds).toBe(profile.idleTimeoutSeconds);
        expect(server.ports.length).toBeGreaterThan(0);
        for (const { port } of server.ports) {
          const session = openHttpSession(new MailWorld({ seed: 1 }), profile.id, port);
          const step = session.exchange({ method: 'GET', target: '/', headers: [['Host', 'example.test']], body: '' });
          expect(step.response?.status).toBeGreaterThanOrEqual(100);
          expect(profile.expectPattern.test(String(step.response?.status))).toBe(true);
          expect(session.internalErrors).toBe(0);
        }
      });

      test('tokenises a status line into its code, which the catalogue explains, and says a status code is what a step expects', () => {
        const tokens = profile.tokenize('HTTP/1.1 404 Not Found');
        expect(tokens.map((t) => t.text).join('')).toBe('HTTP/1.1 404 Not Found');
        expect(tokens.find((t) => t.kind === 'code')?.key).toBe('404');
        expect(catalogueOf(profile.id).explain('404')?.title).toBe('Not Found');
        expect(profile.expectPattern.test('200')).toBe(true);
        expect(profile.expectPattern.test('OK')).toBe(false);
        expect(profile.input.tagged).toBe(false);
      });

      test('is no line protocol: line-only lookups refuse it by name', () => {
        expect(() => lineProfileOf(profile.id)).toThrow(UnknownProtocolError);
        expect(() => driverOf(profile.id)).toThrow(UnknownProtocolError);
        expect(() => farewellsOf(profile.id)).toThrow(UnknownProtocolError);
        expect(() => observedCodeOf(profile.id)).toThrow(UnknownProtocolError);
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
      const owners = LINE_PROFILES.filter((p) => fact.protocols.some((id) => (p.dataIds as readonly string[]).includes(id)));
      expect(owners.length).toBeLessThanOrEqual(1);
      const served = LINE_PROFILES.filter((p) => servedPorts(p.id).includes(fact.port)).map((p) => p.id);
      expect(served).toEqual(fact.ianaRegisteredForRole ? owners.map((p) => p.id) : []);
    }
  });

  test('2525 (a vendor convention for submission, not registered to mail) is not served', () => {
    expect(ports.find((p) => p.port === 2525)?.protocols).toEqual(['smtp-submission']);
    expect(Object.values(SERVED_PORTS).flat()).not.toContain(2525);
  });

  test('each data id maps to one profile at most: SMTP serves relay and submission', () => {
    const all = PROFILES.flatMap((p) => [...p.dataIds]);
    expect(all).toContain('exchange');
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
    expect((error as Error).message).toBe('unknown protocol "jmap"; the engine simulates smtp, pop3, imap, exchange, hello');
    expect(() => lineProfileOf('exchange')).toThrow('unknown line protocol "exchange"; the engine simulates smtp, pop3, imap');
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

  test('a line-only entry point refuses an HTTP protocol: a type error where it can be, a named error at run time', () => {
    // @ts-expect-error: 'exchange' is an HTTP protocol, no LineProtocolName
    expect(() => openSession(new MailWorld({ seed: 1 }), 'exchange', 443)).toThrow(UnknownProtocolError);
    // @ts-expect-error: the same for the test protocol
    expect(() => servedPorts('hello')).toThrow('unknown line protocol "hello"');
    expect(() => httpProfileOf('smtp')).toThrow('unknown HTTP protocol "smtp"; the engine simulates exchange, hello');
  });

  test('isProtocol says yes only for registered names', () => {
    for (const name of protocolNames) expect(isProtocol(name)).toBe(true);
    for (const other of ['SMTP', 'smtp-relay', 'jmap', '', undefined, null, 25]) expect(isProtocol(other)).toBe(false);
    for (const other of ['exchange', 'hello', 'jmap', undefined]) expect(isLineProtocol(other)).toBe(false);
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
