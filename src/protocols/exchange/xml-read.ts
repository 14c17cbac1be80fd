/**
 * A small, strict XML 1.0 reader for the SOAP and POX subset Exchange clients send: elements, attributes,
 * namespaces (Namespaces in XML 1.0 §3–6), text, CDATA, comments and processing instructions. It refuses what a
 * conforming parser must refuse (mismatched tags, duplicate attributes, unbound prefixes, bad references) and,
 * like Exchange's own reader, any DOCTYPE, so no entity can expand. Depth and element count are bounded. It never
 * throws: the answer is a tree or the first problem with its line.
 */

/** The XML namespace, bound to the prefix `xml` by definition (Namespaces in XML 1.0 §3). */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** An element: its namespace and local name, attributes by local name, child elements and its own text. */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** The element's character data (text and CDATA directly inside it), joined. */
  text: string;
}

/** How much a document may hold. */
export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}

/** Deep enough for any EWS request (about 10 levels), shallow enough that nesting costs nothing. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 64, maxElements: 20_000 };

/** A parsed document or the first problem found. */
export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string; line: number };

const NAME = /[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7-\uFFEF]*(?::[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7-\uFFEF]*)?/y;
const SPACE = /[ \t\r\n]*/y;
// Control characters other than tab, LF and CR are not XML 1.0 Chars (§2.2); nor are U+FFFE and U+FFFF.
const BAD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

interface Open {
  qname: string;
  el: XmlElement;
  scope: Map<string, string>;
}

/** Parses `text` (already decoded from its charset) into an element tree, or says what is wrong. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlResult {
  try {
    return { ok: true, root: new Reader(text, limits).document() };
  } catch (error) {
    if (!(error instanceof XmlError)) return { ok: false, error: 'the document could not be read', line: 1 };
    return { ok: false, error: error.message, line: text.slice(0, error.at).split('\n').length };
  }
}

class Reader {
  #i = 0;
  #elements = 0;
  readonly s: string;
  readonly limits: XmlLimits;
  constructor(s: string, limits: XmlLimits) {
    this.s = s;
    this.limits = limits;
  }

  fail(message: string): never {
    throw new XmlError(message, this.#i);
  }

  document(): XmlElement {
    if (this.s.startsWith('\uFEFF')) this.#i = 1;
    if (this.s.startsWith('<?xml', this.#i)) this.pi();
    this.misc();
    if (this.s[this.#i] !== '<') this.fail('the document has no root element');
    const root = this.element();
    this.misc();
    if (this.#i < this.s.length) this.fail('content after the root element');
    return root;
  }

  misc(): void {
    for (;;) {
      this.space();
      if (this.s.startsWith('<!--', this.#i)) this.comment();
      else if (this.s.startsWith('<?', this.#i)) this.pi();
      else if (this.s.startsWith('<!DOCTYPE', this.#i)) this.fail('a DOCTYPE is not allowed');
      else return;
    }
  }

  space(): void {
    SPACE.lastIndex = this.#i;
    SPACE.exec(this.s);
    this.#i = SPACE.lastIndex;
  }

  name(): string {
    NAME.lastIndex = this.#i;
    const m = NAME.exec(this.s);
    if (!m) this.fail('a name was expected');
    this.#i = NAME.lastIndex;
    return m[0];
  }

  skipTo(end: string, what: string): string {
    const at = this.s.indexOf(end, this.#i);
    if (at < 0) this.fail(`unterminated ${what}`);
    const body = this.s.slice(this.#i, at);
    this.#i = at + end.length;
    return body;
  }

  comment(): void {
    this.#i += 4;
    if (this.skipTo('-->', 'comment').includes('--')) this.fail('"--" inside a comment');
  }

  pi(): void {
    this.#i += 2;
    this.skipTo('?>', 'processing instruction');
  }

  element(): XmlElement {
    const stack: Open[] = [];
    let root: XmlElement | undefined;
    for (;;) {
      if (this.s.startsWith('</', this.#i)) {
        this.#i += 2;
        const qname = this.name();
        this.space();
        if (this.s[this.#i] !== '>') this.fail('">" expected');
        this.#i += 1;
        const open = stack.pop();
        if (!open || open.qname !== qname) this.fail(`</${qname}> does not close <${open?.qname ?? ''}>`);
        if (stack.length === 0) return root!;
      } else if (this.s.startsWith('<!--', this.#i)) this.comment();
      else if (this.s.startsWith('<![CDATA[', this.#i)) {
        if (stack.length === 0) this.fail('CDATA outside the root element');
        this.#i += 9;
        stack.at(-1)!.el.text += this.skipTo(']]>', 'CDATA section');
      } else if (this.s.startsWith('<?', this.#i)) this.pi();
      else if (this.s.startsWith('<!', this.#i)) this.fail('a declaration is not allowed here');
      else if (this.s[this.#i] === '<') {
        const open = this.startTag(stack.at(-1)?.scope);
        if (stack.length === 0) root = open.el;
        else stack.at(-1)!.el.children.push(open.el);
        if (open.qname !== '') stack.push(open);
        else if (stack.length === 0) return root!;
      } else if (stack.length === 0) this.fail('text outside the root element');
      else if (this.#i >= this.s.length) this.fail(`<${stack.at(-1)!.qname}> is not closed`);
      else stack.at(-1)!.el.text += this.charData();
      if (stack.length > this.limits.maxDepth) this.fail(`elements nested deeper than ${this.limits.maxDepth}`);
    }
  }

  /** Reads a start tag; an empty-element tag comes back with an empty qname, so nothing is pushed. */
  startTag(parent: Map<string, string> | undefined): Open {
    if (++this.#elements > this.limits.maxElements) this.fail(`more than ${this.limits.maxElements} elements`);
    this.#i += 1;
    const qname = this.name();
    const raw = new Map<string, string>();
    for (;;) {
      const before = this.#i;
      this.space();
      const c = this.s[this.#i];
      if (c === '>' || c === '/') break;
      if (this.#i === before) this.fail('whitespace expected between attributes');
      const attr = this.name();
      this.space();
      if (this.s[this.#i] !== '=') this.fail('"=" expected after an attribute name');
      this.#i += 1;
      this.space();
      if (raw.has(attr)) this.fail(`attribute ${attr} given twice`);
      raw.set(attr, this.attrValue());
    }
    const empty = this.s[this.#i] === '/';
    this.#i += empty ? 1 : 0;
    if (this.s[this.#i] !== '>') this.fail('">" expected');
    this.#i += 1;
    const scope = new Map(parent ?? [['xml', XML_NS]]);
    for (const [k, value] of raw) {
      if (k === 'xmlns') scope.set('', value);
      else if (k.startsWith('xmlns:')) {
        if (value === '') this.fail(`prefix ${k.slice(6)} bound to no namespace`);
        scope.set(k.slice(6), value);
      }
    }
    const attrs = new Map<string, string>();
    for (const [k, value] of raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const colon = k.indexOf(':');
      if (colon > 0 && !scope.has(k.slice(0, colon))) this.fail(`unbound prefix ${k.slice(0, colon)}`);
      attrs.set(colon > 0 ? k.slice(colon + 1) : k, value);
    }
    const colon = qname.indexOf(':');
    const prefix = colon > 0 ? qname.slice(0, colon) : '';
    const ns = scope.get(prefix);
    if (ns === undefined && prefix !== '') this.fail(`unbound prefix ${prefix}`);
    const el: XmlElement = { ns: ns ?? '', name: colon > 0 ? qname.slice(colon + 1) : qname, attrs, children: [], text: '' };
    return { qname: empty ? '' : qname, el, scope };
  }

  attrValue(): string {
    const quote = this.s[this.#i];
    if (quote !== '"' && quote !== "'") this.fail('attribute values are quoted');
    this.#i += 1;
    const end = this.s.indexOf(quote, this.#i);
    if (end < 0) this.fail('unterminated attribute value');
    const raw = this.s.slice(this.#i, end);
    if (raw.includes('<')) this.fail('"<" inside an attribute value');
    const value = this.references(raw).replace(/[\t\r\n]/g, ' ');
    this.#i = end + 1;
    return value;
  }

  charData(): string {
    const end = this.s.indexOf('<', this.#i);
    const raw = this.s.slice(this.#i, end < 0 ? this.s.length : end);
    if (raw.includes(']]>')) this.fail('"]]>" in text');
    this.#i += raw.length;
    return this.references(raw);
  }

  references(raw: string): string {
    if (BAD_CHAR.test(raw)) this.fail('a character XML does not allow');
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) this.fail('"&" must start a reference');
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
      const code = m ? parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : NaN;
      if (!isXmlChar(code)) this.fail(`unknown or invalid reference &${ref};`);
      return String.fromCodePoint(code);
    });
  }
}

/** Whether a code point is an XML 1.0 Char (§2.2). */
export function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** The first child with this namespace and local name. */
export function child(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && c.ns === ns);
}

/** Every child with this namespace and local name. */
export function childrenNamed(el: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name && c.ns === ns) : [];
}
