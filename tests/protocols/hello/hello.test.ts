import { describe, expect, it } from 'vitest';
import { helloHandle, HELLO_LIMITS, nameOf } from '../../../src/protocols/hello/hello.ts';
import { headerValue, type HttpRequest } from '../../../src/protocols/shared/http-types.ts';
import { requestLines, responseLines } from '../../../src/protocols/shared/http-text.ts';
import { malformed } from '../../../src/protocols/shared/http-errors.ts';

const get = (target: string, method = 'GET'): HttpRequest => ({ method, target, headers: [['Host', 'localhost']], body: '' });

describe('the hello test protocol (pure)', () => {
  it('answers GET /hello with 200 text/plain "Hello, world"', () => {
    const res = helloHandle(undefined, get('/hello'));
    expect(res.status).toBe(200);
    expect(res.reason).toBe('OK');
    expect(headerValue(res.headers, 'content-type')).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('Hello, world\n');
  });

  it('greets the query parameter name, percent-decoded, as UTF-8 octets', () => {
    expect(helloHandle(undefined, get('/hello?name=ada')).body).toBe('Hello, ada\n');
    expect(helloHandle(undefined, get('/hello?x=1&name=Ada%20Lovelace')).body).toBe('Hello, Ada Lovelace\n');
    // "é" is two octets in UTF-8: the body is octets, one char each.
    expect(helloHandle(undefined, get('/hello?name=%C3%A9')).body).toBe('Hello, \xc3\xa9\n');
    expect(nameOf('/hello?name=')).toBe('world');
    // A name cannot add lines to the body.
    expect(nameOf('/hello?name=a%0D%0Ab')).toBe('ab');
  });

  it('answers 404 for any other path and 405 with Allow: GET for another method', () => {
    expect(helloHandle(undefined, get('/')).status).toBe(404);
    expect(helloHandle(undefined, get('/hello/')).status).toBe(404);
    expect(helloHandle(undefined, get('/nothing', 'POST')).status).toBe(404);
    const res = helloHandle(undefined, get('/hello', 'POST'));
    expect([res.status, res.reason, headerValue(res.headers, 'allow')]).toEqual([405, 'Method Not Allowed', 'GET']);
  });

  it('states its limits: the request line RFC 9112 §3 asks for at least, 16 KiB of header, 1 KiB of body', () => {
    expect(HELLO_LIMITS).toEqual({ requestLineOctets: 8000, headerOctets: 16384, bodyOctets: 1024 });
  });

  it('finds malformed methods and targets', () => {
    expect(malformed({ method: 'GET', target: '/hello' })).toBeUndefined();
    expect(malformed({ method: 'G T', target: '/hello' })).toMatch(/token/);
    expect(malformed({ method: 'GET', target: 'hello' })).toMatch(/path/);
    expect(malformed({ method: 'GET', target: '/a b' })).toMatch(/path/);
  });

  it('writes messages as transcript lines: start line, fields, empty line, body', () => {
    expect(requestLines({ method: 'POST', target: '/x', headers: [['Host', 'h']], body: 'a\r\nb' })).toEqual(['POST /x HTTP/1.1', 'Host: h', '', 'a', 'b']);
    expect(responseLines(helloHandle(undefined, get('/hello')))).toEqual(['HTTP/1.1 200 OK', 'Content-Type: text/plain; charset=utf-8', 'Content-Length: 13', '', 'Hello, world']);
    expect(requestLines({ method: 'POST', target: '/x', headers: [], body: '\x00\x01' })).toEqual(['POST /x HTTP/1.1', '', '[2 octets of binary data]']);
  });
});
