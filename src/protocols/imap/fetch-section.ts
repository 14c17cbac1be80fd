/**
 * The octets a BODY[section] names (RFC 3501 §6.4.5). Part numbers count the parts of a multipart; a message
 * that is not multipart has only part 1 (its body); the parts of a message/rfc822 part are those of the message
 * it encapsulates. HEADER, TEXT and HEADER.FIELDS after part numbers need a message/rfc822 part. A section that
 * does not exist is the empty string: RFC 3501 does not say, and Dovecot (imap-msgpart.c, "MIME part not found.
 * return an empty part.") answers that way.
 */
import type { FetchSection } from './fetch-types.ts';
import type { MimePart } from './mime.ts';

/** The parts a message entity numbers: its children if multipart, else itself as part 1. */
function messageChildren(message: MimePart): MimePart[] {
  return message.multipart ? message.parts : [message];
}

/** The sub-parts of a body part: a multipart's children, or those of the message a message/rfc822 part holds. */
function partChildren(part: MimePart): MimePart[] {
  if (part.multipart) return part.parts;
  return part.message ? messageChildren(part.message) : [];
}

/** The body part at these numbers, or undefined. */
export function findPart(root: MimePart, numbers: readonly number[]): MimePart | undefined {
  let list = messageChildren(root);
  let node: MimePart | undefined;
  for (const n of numbers) {
    node = list[n - 1];
    if (!node) return undefined;
    list = partChildren(node);
  }
  return node;
}

/** The header fields kept (or, with `not`, dropped) by HEADER.FIELDS, followed by the empty line when there was one. */
function headerFields(entity: MimePart, names: readonly string[], not: boolean): string {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const kept = entity.fields.filter((f) => wanted.has(f.name.toLowerCase()) !== not);
  // RFC 3501 §6.4.5: the blank line is always included, except for a message with no body and no blank line.
  return kept.map((f) => f.raw).join('') + (entity.hasBlankLine ? '\r\n' : '');
}

/** The section's octets (before any partial). */
export function sectionData(root: MimePart, section: FetchSection): string {
  let node: MimePart | undefined = root;
  if (section.part.length > 0) {
    node = findPart(root, section.part);
    if (!node) return '';
    if (section.text === '') return node.body;
    if (section.text === 'MIME') return node.header;
    node = node.message;
    if (!node) return '';
  }
  switch (section.text) {
    case 'HEADER':
      return node.header;
    case 'TEXT':
      return node.body;
    case 'HEADER.FIELDS':
      return headerFields(node, section.fields, false);
    case 'HEADER.FIELDS.NOT':
      return headerFields(node, section.fields, true);
    default:
      return node.raw;
  }
}

/** The section name as the response writes it, e.g. `HEADER.FIELDS (FROM SUBJECT)` or `2.MIME`. */
export function sectionName(section: FetchSection, astring: (s: string) => string): string {
  const parts = [...section.part.map(String), ...(section.text === '' ? [] : [section.text])].join('.');
  return section.fields.length > 0 ? `${parts} (${section.fields.map(astring).join(' ')})` : parts;
}
