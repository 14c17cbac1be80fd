/**
 * BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, grammar in §9: body, body-type-1part, body-type-mpart, body-ext-*).
 * Written the way Dovecot's imap-bodystructure.c writes them: types and parameters as they appear in the header,
 * text parts get ("charset" "us-ascii") when they name no charset, the encoding defaults to "7bit", sizes are the
 * encoded body's octets, and BODYSTRUCTURE always carries md5, disposition, language and location.
 */
import { imapNString, imapString } from './format.ts';
import { lineCount, type MimeParam, type MimePart } from './mime.ts';
import { envelope } from './mime-envelope.ts';

// A multipart needs at least one body (RFC 3501 §9, body-type-mpart); Dovecot writes this for one with no parts.
const EMPTY_BODY = '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0)';
const EMPTY_ENVELOPE = '(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)';

function paramList(params: readonly MimeParam[]): string {
  return params.length === 0 ? 'NIL' : `(${params.map(([k, v]) => `${imapString(k)} ${imapString(v)}`).join(' ')})`;
}

function extensions(part: MimePart): string {
  const dsp = part.disposition ? `(${imapString(part.disposition.value)} ${paramList(part.disposition.params)})` : 'NIL';
  const lang = part.language ? `(${part.language.map(imapString).join(' ')})` : 'NIL';
  return `${dsp} ${lang} ${imapNString(part.location)}`;
}

/** The body structure of a MIME part, parenthesized; `extended` adds BODYSTRUCTURE's extension data. */
export function bodyStructure(part: MimePart, extended: boolean): string {
  if (part.multipart) {
    const children = part.parts.length === 0 ? EMPTY_BODY : part.parts.map((p) => bodyStructure(p, extended)).join('');
    const ext = extended ? ` ${paramList(part.params)} ${extensions(part)}` : '';
    return `(${children} ${imapString(part.subtype)}${ext})`;
  }
  const isText = part.type.toLowerCase() === 'text';
  const isMessage = part.type.toLowerCase() === 'message' && part.subtype.toLowerCase() === 'rfc822';
  const hasCharset = part.params.some(([k]) => k.toLowerCase() === 'charset');
  const params: MimeParam[] = isText && !hasCharset ? [...part.params, ['charset', 'us-ascii']] : part.params;
  const fields = [
    imapString(part.type),
    imapString(part.subtype),
    paramList(params),
    imapNString(part.id),
    imapNString(part.description),
    imapString(part.encoding ?? '7bit'),
    String(part.body.length),
  ];
  if (isText) fields.push(String(lineCount(part.body)));
  if (isMessage) {
    // A message nested deeper than the parser follows has no tree: Dovecot's NIL envelope and empty body stand in.
    const inner = part.message;
    fields.push(inner ? envelope(inner.fields) : EMPTY_ENVELOPE, inner ? bodyStructure(inner, extended) : EMPTY_BODY);
    fields.push(String(lineCount(part.body)));
  }
  if (extended) fields.push(imapNString(part.md5), extensions(part));
  return `(${fields.join(' ')})`;
}
