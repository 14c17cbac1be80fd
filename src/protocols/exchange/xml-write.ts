/**
 * Writing XML safely: every text and attribute value goes through `esc`, which also replaces characters XML 1.0
 * cannot carry (a message may hold any octet), so a response is always well-formed. And the octet conversions the
 * HTTP types need (bodies are one char per octet; XML and JSON travel as UTF-8).
 */

/** Characters XML 1.0 cannot carry at all (§2.2), even escaped; lone surrogates cannot be encoded as UTF-8. */
const UNREPRESENTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text escaped for element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text
    .replace(UNREPRESENTABLE, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

/** Attributes written in order; undefined values are left out. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${esc(String(v))}"`;
  return out;
}

/** An element with already-written children (strings from `el` or `leaf`); empty when there are none. */
export function el(name: string, attrs: Attrs, ...children: readonly (string | false | undefined)[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string').join('');
  return inner === '' ? `<${name}${attrText(attrs)}/>` : `<${name}${attrText(attrs)}>${inner}</${name}>`;
}

/** An element holding text (escaped here); undefined text leaves the element out. */
export function leaf(name: string, text: string | number | boolean | undefined, attrs: Attrs = {}): string {
  if (text === undefined) return '';
  const t = esc(String(text));
  return t === '' ? `<${name}${attrText(attrs)}/>` : `<${name}${attrText(attrs)}>${t}</${name}>`;
}

/** A JavaScript string as UTF-8 octets, one char per octet, as HttpResponse bodies carry them. */
export function toOctets(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** Octets (one char per octet) decoded as UTF-8, or undefined when they are not valid UTF-8. */
export function fromOctets(octets: string): string | undefined {
  const bytes = new Uint8Array(octets.length);
  for (let i = 0; i < octets.length; i++) {
    const c = octets.charCodeAt(i);
    if (c > 0xff) return undefined;
    bytes[i] = c;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Base64 of octets (one char per octet). */
export function base64(octets: string): string {
  return btoa(octets);
}

/** Octets from strict base64 (RFC 4648 §4, padding required), or undefined. */
export function unbase64(text: string): string | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}
