/**
 * WBXML as ActiveSync uses it ([MS-ASWBXML] §2.1.3): version 1.3, unknown public identifier, UTF-8, tag tokens in
 * code pages, inline strings and opaque data; no string table, entities, processing instructions or attributes.
 * Bodies are octets one char per octet, as HttpRequest and HttpResponse carry them. Decoding never throws: bad input
 * gives `{ ok: false, error }`, and depth and element limits bound the work a hostile body can cause.
 */
import { fromOctets, toOctets } from '../xml-write.ts';
import { tagOf, tokenOf } from './codepages.ts';
import type { WbxmlElement } from './tree.ts';

/** Global tokens ([WBXML1.2] §7.1). */
const SWITCH_PAGE = 0x00;
const END = 0x01;
const STR_I = 0x03;
const OPAQUE = 0xc3;
/** Tag token bits ([WBXML1.2] §5.8.2): the element has content; the element has attributes. */
const CONTENT = 0x40;
const ATTRIBUTES = 0x80;
/** The header ActiveSync writes: WBXML 1.3, public id 1 (unknown), charset 106 (UTF-8, IANA MIBenum), no string table. */
const HEADER = '\x03\x01\x6a\x00';

/** Limits on a decoded document; ActiveSync requests are small and shallow. */
export interface WbxmlLimits {
  maxDepth: number;
  maxElements: number;
}

/** Defaults: deeper than any [MS-ASCMD] request nests, and far more elements than a phone sends. */
export const DEFAULT_WBXML_LIMITS: WbxmlLimits = { maxDepth: 32, maxElements: 20_000 };

/** The decoded root, or why the octets are not ActiveSync WBXML (with the octet offset). */
export type WbxmlResult = { ok: true; root: WbxmlElement } | { ok: false; error: string; offset: number };

class Fail {
  readonly error: string;
  readonly offset: number;
  constructor(error: string, offset: number) {
    this.error = error;
    this.offset = offset;
  }
}

/** Decodes a WBXML body. */
export function decodeWbxml(octets: string, limits: WbxmlLimits = DEFAULT_WBXML_LIMITS): WbxmlResult {
  let at = 0;
  const fail = (error: string): never => {
    throw new Fail(error, at);
  };
  const byte = (): number => (at < octets.length ? octets.charCodeAt(at++) & 0xff : fail('unexpected end of data'));
  const mbUint32 = (): number => {
    // [WBXML1.2] §5.1: 7 bits per octet, high bit set on all but the last; at most 5 octets for 32 bits.
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = byte();
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value <= 0xffffffff ? value : fail('integer too large');
    }
    return fail('integer too long');
  };
  try {
    for (let i = 0; i < octets.length; i++) if (octets.charCodeAt(i) > 0xff) fail('not octets');
    const version = byte();
    if (version < 0x01 || version > 0x03) fail(`unknown WBXML version 0x${version.toString(16)}`);
    if (mbUint32() === 0) mbUint32(); // a public identifier given as a string-table index
    const charset = mbUint32();
    if (charset !== 106) fail(`charset ${charset} is not UTF-8 (106)`);
    const tableLength = mbUint32();
    if (tableLength > octets.length - at) fail('string table longer than the data');
    at += tableLength;
    let page = 0;
    let count = 0;
    let root: WbxmlElement | undefined;
    const stack: WbxmlElement[] = [];
    while (root === undefined || stack.length > 0) {
      const token = byte();
      if (token === SWITCH_PAGE) {
        page = byte();
        continue;
      }
      const open = stack[stack.length - 1];
      if (token === END) {
        if (!open) fail('END outside any element');
        stack.pop();
        continue;
      }
      if (token === STR_I || token === OPAQUE) {
        if (!open) fail('text outside the root element');
        if (token === STR_I) {
          const zero = octets.indexOf('\x00', at);
          if (zero < 0) fail('inline string without its terminating 0x00');
          const text = fromOctets(octets.slice(at, zero));
          if (text === undefined) fail('inline string is not UTF-8');
          open!.text += text;
          at = zero + 1;
        } else {
          const length = mbUint32();
          if (length > octets.length - at) fail('opaque data longer than the body');
          open!.text += octets.slice(at, at + length);
          open!.opaque = true;
          at += length;
        }
        continue;
      }
      if (token & ATTRIBUTES) fail(`token 0x${token.toString(16)}: attributes and extensions are not used by ActiveSync`);
      const tag = tagOf(page, token & 0x3f);
      if ((token & 0x3f) < 0x05 || !tag) fail(`unknown tag 0x${(token & 0x3f).toString(16)} in code page ${page}`);
      if (root !== undefined && !open) fail('data after the root element');
      if (++count > limits.maxElements) fail('too many elements');
      const el: WbxmlElement = { ns: tag!.ns, name: tag!.name, children: [], text: '' };
      if (open) open.children.push(el);
      else root = el;
      if (token & CONTENT) {
        if (stack.length >= limits.maxDepth) fail('elements nested too deeply');
        stack.push(el);
      }
    }
    if (at !== octets.length) fail('data after the root element');
    return { ok: true, root: root! };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error, offset: e.offset };
    throw e;
  }
}

function mbUint32Octets(n: number): string {
  let out = String.fromCharCode(n & 0x7f);
  for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) out = String.fromCharCode(0x80 | (n & 0x7f)) + out;
  return out;
}

/**
 * Encodes a tree as WBXML, switching code pages only when a tag needs another page, as in the specification's
 * example (§3). Throws only for a tag no known page has, which is a bug in the caller, never a client's input.
 */
export function encodeWbxml(root: WbxmlElement): string {
  const out: string[] = [HEADER];
  let page = 0;
  const walk = (el: WbxmlElement) => {
    const code = tokenOf(el.ns, el.name);
    if (!code) throw new Error(`no WBXML token for ${el.ns}:${el.name}`);
    if (code.page !== page) {
      out.push(String.fromCharCode(SWITCH_PAGE, code.page));
      page = code.page;
    }
    const hasContent = el.text !== '' || el.children.length > 0;
    out.push(String.fromCharCode(code.token | (hasContent ? CONTENT : 0)));
    if (!hasContent) return;
    if (el.text !== '') {
      if (el.opaque) out.push(String.fromCharCode(OPAQUE), mbUint32Octets(el.text.length), el.text);
      else out.push(String.fromCharCode(STR_I), toOctets(el.text.replace(/\x00/g, '')), '\x00');
    }
    for (const c of el.children) walk(c);
    out.push(String.fromCharCode(END));
  };
  walk(root);
  return out.join('');
}
