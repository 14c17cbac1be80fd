/**
 * The small element tree ActiveSync bodies decode to and encode from, and its XML form for transcripts. ActiveSync
 * XML has no attributes and no mixed content ([MS-ASWBXML] §2.1.3), so an element is a namespace, a name, and
 * either children or text (or opaque octets).
 */
import { esc } from '../xml-write.ts';

/** One element: namespace (the code page's, e.g. "AirSync"), local name, children, and its text. */
export interface WbxmlElement {
  ns: string;
  name: string;
  children: WbxmlElement[];
  /** The text content; for opaque data, the octets one char per octet. "" when there is none. */
  text: string;
  /** Whether `text` came (or goes) as WBXML opaque data rather than an inline string. */
  opaque?: boolean;
}

/** A child of `node` built by `element`: an element, or nothing (false/undefined are left out). */
export type Child = WbxmlElement | false | undefined;

/** An element of namespace `ns` with children. */
export function element(ns: string, name: string, ...children: readonly Child[]): WbxmlElement {
  return { ns, name, children: children.filter((c): c is WbxmlElement => !!c), text: '' };
}

/** An element of namespace `ns` holding text (numbers are written in decimal). */
export function leaf(ns: string, name: string, text: string | number): WbxmlElement {
  return { ns, name, children: [], text: String(text) };
}

/** The first child with this name, in the parent's namespace unless `ns` is given. */
export function first(el: WbxmlElement | undefined, name: string, ns = el?.ns): WbxmlElement | undefined {
  return el?.children.find((c) => c.name === name && c.ns === ns);
}

/** All children with this name, in the parent's namespace unless `ns` is given. */
export function all(el: WbxmlElement | undefined, name: string, ns = el?.ns): WbxmlElement[] {
  return el ? el.children.filter((c) => c.name === name && c.ns === ns) : [];
}

/** The text of the first such child, or undefined when there is none. */
export function textOf(el: WbxmlElement | undefined, name: string, ns = el?.ns): string | undefined {
  return first(el, name, ns)?.text;
}

const prefixOf = (ns: string) => ns.toLowerCase();

function collect(el: WbxmlElement, into: Set<string>): Set<string> {
  into.add(el.ns);
  for (const c of el.children) collect(c, into);
  return into;
}

/**
 * The tree as pretty-printed XML, as [MS-ASCMD] writes its examples: the root's namespace is the default one and
 * every other namespace used gets its lower-case name as prefix. Opaque data is shown as base64 text, since XML
 * cannot carry arbitrary octets.
 */
export function toXml(root: WbxmlElement): string {
  const others = [...collect(root, new Set())].filter((ns) => ns !== root.ns);
  const decls = [` xmlns="${esc(root.ns)}"`, ...others.map((ns) => ` xmlns:${prefixOf(ns)}="${esc(ns)}"`)].join('');
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  const walk = (el: WbxmlElement, depth: number, attrs: string) => {
    const name = el.ns === root.ns ? el.name : `${prefixOf(el.ns)}:${el.name}`;
    const pad = '  '.repeat(depth);
    const text = el.opaque ? btoa(el.text) : el.text;
    if (el.children.length === 0) {
      lines.push(text === '' ? `${pad}<${name}${attrs}/>` : `${pad}<${name}${attrs}>${esc(text)}</${name}>`);
      return;
    }
    lines.push(`${pad}<${name}${attrs}>`);
    if (text !== '') lines.push(`${pad}  ${esc(text)}`);
    for (const c of el.children) walk(c, depth + 1, '');
    lines.push(`${pad}</${name}>`);
  };
  walk(root, 0, decls);
  return lines.join('\n');
}
