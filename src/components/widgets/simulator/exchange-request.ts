/**
 * The request the Exchange widget's form describes: method, path, host, header lines and a body typed as text. The
 * body goes as UTF-8 octets, or for ActiveSync as WBXML encoded from its XML ([MS-ASWBXML]); XML that cannot be
 * encoded goes as typed, so the server gives its own answer to it. Pure; part of the engine chunk.
 */
import { encodeWbxml } from '../../../protocols/exchange/wbxml/codec.ts';
import { tokenOf } from '../../../protocols/exchange/wbxml/codepages.ts';
import type { WbxmlElement } from '../../../protocols/exchange/wbxml/tree.ts';
import { parseXml, type XmlElement } from '../../../protocols/exchange/xml-read.ts';
import type { HeaderField, HttpRequest } from '../../../protocols/shared/http-types.ts';

/** What the form holds. */
export interface RequestForm {
  method: string;
  target: string;
  host: string;
  /** Header lines, "Name: value" each; Host is added from `host`. */
  headers: string;
  body: string;
  bodyKind: 'text' | 'wbxml';
}

/** The form's header lines as fields; a line without a colon is returned in `bad`. */
export function headerFields(text: string): { fields: HeaderField[]; bad: string | undefined } {
  const fields: HeaderField[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { fields, bad: line };
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { fields, bad: undefined };
}

/** Text as octets, one char per octet (UTF-8). */
export function utf8Octets(text: string): string {
  let out = '';
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function toWbxmlTree(el: XmlElement): WbxmlElement | undefined {
  if (!tokenOf(el.ns, el.name)) return undefined;
  const children: WbxmlElement[] = [];
  for (const c of el.children) {
    const child = toWbxmlTree(c);
    if (!child) return undefined;
    children.push(child);
  }
  return { ns: el.ns, name: el.name, children, text: children.length > 0 ? '' : el.text.trim() };
}

/** ActiveSync XML as WBXML octets, or undefined when it is not XML of the code pages this server knows. */
export function xmlToWbxml(xml: string): string | undefined {
  const doc = parseXml(xml);
  const tree = doc.ok ? toWbxmlTree(doc.root) : undefined;
  return tree && encodeWbxml(tree);
}

/** The request, or the header line that is not a field (the server refuses the message: RFC 9112 §5.1). */
export function formRequest(form: RequestForm): { request: HttpRequest; badLine: string | undefined } {
  const { fields, bad } = headerFields(form.headers);
  const wbxml = form.bodyKind === 'wbxml' && form.body.trim() !== '' ? xmlToWbxml(form.body) : undefined;
  const body = wbxml ?? utf8Octets(form.body);
  return { request: { method: form.method.trim(), target: form.target.trim(), headers: [['Host', form.host], ...fields], body }, badLine: bad };
}
