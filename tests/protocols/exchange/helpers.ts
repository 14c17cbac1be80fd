/** Requests and readers shared by the Exchange tests. */
import { expect } from 'vitest';
import { parseXml, type XmlElement } from '../../../src/protocols/exchange/xml-read.ts';
import { fromOctets, toOctets } from '../../../src/protocols/exchange/xml-write.ts';
import type { HttpRequest, HttpResponse } from '../../../src/protocols/shared/http-types.ts';

export const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
export const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
export const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Basic credentials as a header value (RFC 7617). */
export const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;
export const ALICE = basic('alice', 'wonderland');

/** A POST with an XML body (UTF-8) and the given headers. */
export function post(target: string, xml: string, auth: string | undefined = ALICE, extra: [string, string][] = []): HttpRequest {
  const headers: [string, string][] = [['Content-Type', 'text/xml; charset=utf-8'], ...extra];
  if (auth !== undefined) headers.push(['Authorization', auth]);
  return { method: 'POST', target, headers, body: toOctets(xml) };
}

/** An EWS request with one operation element in the body (prefixes m and t bound, as EWS clients send them). */
export function ews(op: string, auth: string | undefined = ALICE): HttpRequest {
  const xml =
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP}" xmlns:t="${T}" xmlns:m="${M}">` +
    `<soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body>${op}</soap:Body></soap:Envelope>`;
  return post('/EWS/Exchange.asmx', xml, auth);
}

/** The response body parsed as XML (it must be well-formed). */
export function xmlOf(res: HttpResponse): XmlElement {
  const text = fromOctets(res.body);
  expect(text).toBeDefined();
  const doc = parseXml(text!);
  if (!doc.ok) throw new Error(`response is not XML: ${doc.error}`);
  return doc.root;
}

/** Every descendant element with this local name, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** The first descendant's text. */
export const textOf = (el: XmlElement, name: string) => all(el, name)[0]?.text;
