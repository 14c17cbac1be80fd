/**
 * Hostile requests never crash the simulated Exchange: bad XML, huge bodies, deep nesting, bad base64 ids, wrong
 * content types and bad JSON paths each get their documented answer (fast-check properties, bounded by counts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseXml } from '../../../src/protocols/exchange/xml-read.ts';
import { esc } from '../../../src/protocols/exchange/xml-write.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { ALICE, ews, M, post, textOf, xmlOf } from './helpers.ts';

const server = () => exchangeServer(new MailWorld(), 'server-se', { maxRequestOctets: 200_000 });

describe('the XML reader', () => {
  test('reads namespaces, references and CDATA; refuses DOCTYPE, mismatched tags and unbound prefixes', () => {
    const doc = parseXml('<?xml version="1.0"?><a:r xmlns:a="urn:a" x="1&amp;2"><b>&lt;&#x41;<![CDATA[<c>]]></b></a:r>');
    expect(doc.ok && doc.root.ns === 'urn:a' && doc.root.attrs.get('x') === '1&2' && doc.root.children[0]!.text === '<A<c>').toBe(true);
    for (const bad of ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', '<a><b></a></b>', '<p:a/>', '<a x="1" x="2"/>', '<a>&bogus;</a>', '<a/><b/>', '<a>\u0001</a>', '']) {
      expect(parseXml(bad).ok, bad).toBe(false);
    }
  });

  test('property: any text escaped by esc reads back as itself (characters XML cannot carry become U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const doc = parseXml(`<a v="${esc(s)}">${esc(s)}</a>`);
        const expected = s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
        return doc.ok && doc.root.text === expected && doc.root.attrs.get('v') === expected.replace(/[\t\n]/g, ' ').replace(/\r/g, ' ');
      }),
      { numRuns: 300 },
    );
  });
});

describe('EWS never throws and answers hostile requests as documented', () => {
  test('property: arbitrary bodies get a SOAP fault or a response, always well-formed XML or plain text', () => {
    const s = server();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('<', '<a', '<soap:Envelope/>', '<?xml?>')), (body) => {
        const res = s(post('/EWS/Exchange.asmx', body));
        expect([200, 500]).toContain(res.status);
        if (res.status === 500) expect(textOf(xmlOf(res), 'faultcode')).toMatch(/^a:Error/);
      }),
      { numRuns: 200 },
    );
  });

  test('deep nesting is refused with ErrorSchemaValidation; a huge body with 413; a wrong type with 415', () => {
    const s = server();
    const deep = `${'<m:x>'.repeat(5000)}${'</m:x>'.repeat(5000)}`;
    expect(textOf(xmlOf(s(ews(deep))), 'faultcode')).toBe('a:ErrorSchemaValidation');
    expect(s(post('/EWS/Exchange.asmx', 'x'.repeat(200_001))).status).toBe(413);
    const json = { ...post('/EWS/Exchange.asmx', '{}'), headers: [['Content-Type', 'application/json'], ['Authorization', ALICE]] as const };
    expect(s(json).status).toBe(415);
    expect(s({ method: 'GET', target: '/EWS/Exchange.asmx', headers: [['Authorization', ALICE]], body: '' }).status).toBe(405);
  });

  test('property: any Id is answered with ErrorInvalidIdMalformed or ErrorItemNotFound, never a crash', () => {
    const s = server();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: 'binary' }).map((x) => btoa(unescape(encodeURIComponent(x))))), (id) => {
        const res = s(ews(`<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${esc(id)}"/></m:ItemIds></m:GetItem>`));
        expect(res.status).toBe(200);
        expect(['ErrorInvalidIdMalformed', 'ErrorItemNotFound']).toContain(textOf(xmlOf(res), 'ResponseCode'));
      }),
      { numRuns: 300 },
    );
  });

  test('property: bad Autodiscover v2 paths get 404 or 400 InvalidProtocol, POX junk gets error 600', () => {
    const s = server();
    fc.assert(
      fc.property(fc.string(), fc.string(), (who, protocol) => {
        const res = s({ method: 'GET', target: `/autodiscover/autodiscover.json/v1.0/${who}?Protocol=${protocol}`, headers: [], body: '' });
        expect([200, 400, 404]).toContain(res.status);
        const pox = s(post('/autodiscover/autodiscover.xml', who));
        expect(pox.status).toBe(200);
        expect(textOf(xmlOf(pox), 'ErrorCode')).toBe('600');
      }),
      { numRuns: 200 },
    );
  });
});

test('the operation table holds only EWS operations: no prototype names reach a handler', () => {
  const res = server()(ews(`<toString xmlns="${M}"/>`));
  expect(textOf(xmlOf(res), 'faultcode')).toBe('a:ErrorSchemaValidation');
});
