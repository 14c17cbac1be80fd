import { describe, expect, it } from 'vitest';
import '../../src/machines/http-servers.ts';
import '../../src/machines/servers.ts';
import { httpSecurity, openHttpSession, openServerSession } from '../../src/machines/http-session.ts';
import { openSession } from '../../src/machines/session.ts';
import { helloServer } from '../../src/protocols/hello/hello.ts';
import { headerValue, type HttpRequest } from '../../src/protocols/shared/http-types.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const req = (target: string, more: Partial<HttpRequest> = {}): HttpRequest => ({ method: 'GET', target, headers: [['Host', 'localhost:8080']], body: '', ...more });

describe('HTTP sessions', () => {
  it('exchange a request for a response, typed entries in order, and keep the connection open', () => {
    const s = openHttpSession(new MailWorld({ seed: 1 }), 'hello', 8080);
    expect(s.framingKind).toBe('http');
    expect(s.greeting).toEqual([]);
    const step = s.exchange(req('/hello?name=ada'));
    expect(step.response?.status).toBe(200);
    expect(step.closed).toBe(false);
    expect(step.entries.map((e) => [e.kind, e.text])).toEqual([
      ['request', 'GET /hello?name=ada HTTP/1.1'],
      ['response', 'HTTP/1.1 200 OK'],
    ]);
    expect(s.exchange(req('/nope')).response?.status).toBe(404);
    expect(s.view()).toMatchObject({ protocol: 'hello', state: 'open', tls: false, security: 'plaintext', expects: 'request', closed: false });
  });

  it('closes after a request that says Connection: close, and sends nothing after', () => {
    const s = openHttpSession(new MailWorld(), 'hello', 8080);
    const step = s.exchange(req('/hello', { headers: [['Host', 'h'], ['Connection', 'close']] }));
    expect(step.closed).toBe(true);
    expect(headerValue(step.response!.headers, 'connection')).toBe('close');
    expect(step.entries.at(-1)).toMatchObject({ kind: 'event', event: 'closed' });
    expect(s.exchange(req('/hello')).response).toBeUndefined();
    expect(s.view().closed).toBe(true);
  });

  it('answers 400 without Host, keeping the connection; 400 for a bad method or target, closing it', () => {
    const s = openHttpSession(new MailWorld(), 'hello', 8080);
    const noHost = s.exchange(req('/hello', { headers: [] }));
    expect([noHost.response?.status, noHost.closed]).toEqual([400, false]);
    const bad = s.exchange(req('hello'));
    expect([bad.response?.status, bad.closed]).toEqual([400, true]);
    expect(openHttpSession(new MailWorld(), 'hello', 8080).exchange(req('/hello', { method: 'G(T' })).response?.status).toBe(400);
  });

  it('refuses requests over the limits with 414, 431 and 413, and closes', () => {
    const world = new MailWorld();
    const long = openHttpSession(world, 'hello', 8080).exchange(req(`/hello?name=${'a'.repeat(8000)}`));
    expect([long.response?.status, long.closed]).toEqual([414, true]);
    const fields = openHttpSession(world, 'hello', 8080).exchange(req('/hello', { headers: [['Host', 'h'], ['X-Big', 'x'.repeat(16 * 1024)]] }));
    expect([fields.response?.status, fields.response?.reason, fields.closed]).toEqual([431, 'Request Header Fields Too Large', true]);
    const body = openHttpSession(world, 'hello', 8080).exchange(req('/hello', { method: 'POST', body: 'b'.repeat(1025) }));
    expect([body.response?.status, body.closed]).toEqual([413, true]);
    // Exactly at the limit is taken: POST then meets the 405.
    expect(openHttpSession(world, 'hello', 8080).exchange(req('/hello', { method: 'POST', body: 'b'.repeat(1024) })).response?.status).toBe(405);
  });

  it('lets a transport report what it could not frame: the status, then closed', () => {
    const s = openHttpSession(new MailWorld(), 'hello', 8080);
    const step = s.refuse('header-too-large');
    expect([step.response?.status, step.closed, step.entries.map((e) => e.kind)]).toEqual([431, true, ['response', 'event']]);
  });

  it('answers a handler that throws with 500 and counts it, never throwing', () => {
    const broken = { ...helloServer, handle: () => { throw new Error('boom'); } };
    const s = openServerSession(new MailWorld(), broken, 8080);
    const step = s.exchange(req('/hello'));
    expect([step.response?.status, step.closed, s.internalErrors]).toEqual([500, true, 1]);
  });

  it('never opens 443 as plaintext, nor an HTTP port as a mail port', () => {
    expect(httpSecurity({ ...helloServer, ports: [{ port: 443, security: 'https' }] }, 443)).toBe('https');
    expect(() => httpSecurity({ ...helloServer, ports: [{ port: 443, security: 'plaintext' }] }, 443)).toThrow(/443/);
    expect(() => httpSecurity({ ...helloServer, ports: [{ port: 587, security: 'plaintext' }] }, 587)).toThrow(/submission/);
    expect(() => openHttpSession(new MailWorld(), 'hello', 9999)).toThrow(RangeError);
    // openSession's port list keeps 443 out today; the role check keeps it out whatever the list says.
    expect(() => openSession(new MailWorld(), 'imap', 443)).toThrow(RangeError);
  });

  it('starts TLS before the first request on an https port', () => {
    const server = { ...helloServer, ports: [{ port: 443, security: 'https' as const }] };
    const s = openServerSession(new MailWorld(), server, 443);
    expect(s.greeting).toMatchObject([{ kind: 'event', event: 'tls' }]);
    expect(s.exchange(req('/hello')).entries.map((e) => 'encrypted' in e && e.encrypted)).toEqual([true, true]);
    expect(s.view()).toMatchObject({ tls: true, security: 'https' });
  });
});
