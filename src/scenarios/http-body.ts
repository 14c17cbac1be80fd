/**
 * HTTP bodies of the guided scenarios, both ways: a step's ActiveSync XML encoded to WBXML for the wire, and any
 * body as a transcript shows it (JSON and XML indented, WBXML decoded to XML as [MS-ASCMD] writes its examples,
 * form bodies and text as they are). No zod here: browser code may import it.
 */
import { decodeWbxml, encodeWbxml } from '../protocols/exchange/wbxml/codec.ts';
import { toXml, type WbxmlElement } from '../protocols/exchange/wbxml/tree.ts';
import { fromOctets } from '../protocols/exchange/xml-write.ts';
import { parseXml, type XmlElement } from '../protocols/exchange/xml-read.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../protocols/shared/http-types.ts';
import { isTextBody } from '../protocols/shared/http-text.ts';

/** The media type of ActiveSync's WBXML bodies ([MS-ASHTTP] §2.2.1.1.2.6). */
export const WBXML_TYPE = 'application/vnd.ms-sync.wbxml';

/** What a shown body was on the wire. */
export type BodyKind = 'empty' | 'json' | 'xml' | 'wbxml' | 'text' | 'binary';

/** ActiveSync XML (namespaces named by code page, e.g. xmlns="AirSync") as WBXML octets; an error names what is wrong. */
export function xmlToWbxml(xml: string): { ok: true; octets: string } | { ok: false; error: string } {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, error: `not well-formed XML (line ${parsed.line}): ${parsed.error}` };
  const convert = (el: XmlElement): WbxmlElement => ({ ns: el.ns, name: el.name, children: el.children.map(convert), text: el.children.length > 0 ? '' : el.text.trim() });
  try {
    return { ok: true, octets: encodeWbxml(convert(parsed.root)) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Indents XML that came on one line: one element per line, an element holding only text kept on its line. */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/>\s+</g, '><').trim().match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const pad = '  '.repeat(depth);
    if (t.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + t);
    } else if (t.startsWith('<?') || t.startsWith('<!') || t.endsWith('/>')) {
      lines.push(pad + t);
    } else if (t.startsWith('<')) {
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
        lines.push(pad + t + text + close);
        i += 2;
      } else if (text?.startsWith('</')) {
        lines.push(pad + t + text);
        i += 1;
      } else {
        lines.push(pad + t);
        depth += 1;
      }
    } else {
      lines.push(pad + t.trim());
    }
  }
  return lines.join('\n');
}

/** A request's or response's body as a transcript shows it, and what it was on the wire. */
export function shownBody(message: HttpRequest | HttpResponse): { kind: BodyKind; text: string } {
  const body = message.body;
  if (body === '') return { kind: 'empty', text: '' };
  const type = (headerValue(message.headers, 'Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === WBXML_TYPE) {
    const decoded = decodeWbxml(body);
    return decoded.ok ? { kind: 'wbxml', text: toXml(decoded.root) } : { kind: 'binary', text: `[${body.length} octets that are not valid WBXML]` };
  }
  const text = isTextBody(body) ? fromOctets(body) : undefined;
  if (text === undefined) return { kind: 'binary', text: `[${body.length.toLocaleString('en-US')} octets of binary data]` };
  if (type.endsWith('json')) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
    } catch {
      return { kind: 'text', text };
    }
  }
  if (type.endsWith('xml') && text.trimStart().startsWith('<')) return { kind: 'xml', text: prettyXml(text) };
  return { kind: 'text', text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

