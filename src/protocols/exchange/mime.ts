/**
 * The little MIME EWS needs on the shared world: a stored message's subject, addresses, date, text body and
 * whether it has attachments (RFC 5322, RFC 2045–2047), and a new message built from a CreateItem, in UTF-8.
 */
import { rfc5322Date } from '../shared/clock.ts';
import { headerFields, splitMessage, type RawMessage } from '../shared/message.ts';
import { base64, fromOctets, toOctets, unbase64 } from './xml-write.ts';

/** A mailbox as EWS shows it: a name and an SMTP address. */
export interface Address {
  name: string;
  address: string;
}

/** What EWS shows of a stored message. */
export interface MessageSummary {
  subject: string;
  from: Address | undefined;
  to: Address[];
  cc: Address[];
  date: Date | undefined;
  messageId: string | undefined;
  body: string;
  bodyType: 'Text' | 'HTML';
  hasAttachments: boolean;
}

/** Octets as text: UTF-8 when they are valid UTF-8, else one char per octet (Latin-1). */
const text = (octets: string): string => fromOctets(octets) ?? octets;

/** Decodes RFC 2047 encoded words (B and Q); unknown charsets are left as written. */
export function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=(?:\s+(?==\?))?/g, (whole, charset: string, enc: string, data: string) => {
    const cs = charset.toLowerCase();
    if (cs !== 'utf-8' && cs !== 'us-ascii' && cs !== 'iso-8859-1') return whole;
    const octets = enc.toUpperCase() === 'B' ? unbase64(data) : data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (octets === undefined) return whole;
    return cs === 'utf-8' ? text(octets) : octets;
  });
}

/** An address list split at commas outside quotes and angle brackets. */
export function parseAddresses(value: string | undefined): Address[] {
  if (!value) return [];
  const out: Address[] = [];
  let quoted = false;
  let angle = false;
  let start = 0;
  const push = (part: string) => {
    const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^>]*)>\s*$/.exec(part);
    const address = (m ? m[2]! : part).trim();
    if (address !== '') out.push({ name: decodeWords((m?.[1] ?? '').trim()) || address, address });
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<') angle = true;
    else if (!quoted && c === '>') angle = false;
    else if (!quoted && !angle && c === ',') {
      push(value.slice(start, i));
      start = i + 1;
    }
  }
  push(value.slice(start));
  return out;
}

function field(header: string, name: string): string | undefined {
  return headerFields(header).find((f) => f.name.toLowerCase() === name)?.value;
}

function param(contentType: string | undefined, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeBody(header: string, body: string): string {
  const cte = (field(header, 'content-transfer-encoding') ?? '7bit').toLowerCase();
  let octets = body;
  if (cte === 'base64') octets = unbase64(body.replace(/[\r\n\s]/g, '')) ?? body;
  else if (cte === 'quoted-printable') octets = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return text(octets);
}

/** The parts of a multipart body between its delimiter lines (RFC 2046 §5.1.1), one level deep. */
function parts(body: string, boundary: string): { header: string; body: string }[] {
  const delimiter = `--${boundary}`;
  const out: { header: string; body: string }[] = [];
  let current: string[] | undefined;
  for (const line of body.split('\r\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) out.push(splitMessage(current.map((l) => `${l}\r\n`).join('')));
      if (trimmed !== delimiter) return out;
      current = [];
    } else current?.push(line);
  }
  if (current) out.push(splitMessage(current.map((l) => `${l}\r\n`).join('')));
  return out;
}

/** What EWS shows of a stored message. */
export function summarize(raw: RawMessage): MessageSummary {
  const { header, body } = splitMessage(raw);
  const type = field(header, 'content-type') ?? 'text/plain';
  const dateText = field(header, 'date');
  const date = dateText === undefined ? undefined : new Date(dateText);
  let bodyText = '';
  let bodyType: 'Text' | 'HTML' = 'Text';
  let hasAttachments = false;
  const boundary = /^multipart\//i.test(type) ? param(type, 'boundary') : undefined;
  if (boundary !== undefined) {
    const all = parts(body, boundary);
    const textPart = all.find((p) => /^text\/plain/i.test(field(p.header, 'content-type') ?? 'text/plain'));
    if (textPart) bodyText = decodeBody(textPart.header, textPart.body);
    hasAttachments = all.some((p) => /^attachment/i.test(field(p.header, 'content-disposition') ?? '') || !/^(text|multipart)\//i.test(field(p.header, 'content-type') ?? 'text/plain'));
  } else {
    bodyText = decodeBody(header, body);
    bodyType = /^text\/html/i.test(type) ? 'HTML' : 'Text';
  }
  return {
    subject: decodeWords(field(header, 'subject') ?? ''),
    from: parseAddresses(field(header, 'from'))[0],
    to: parseAddresses(field(header, 'to')),
    cc: parseAddresses(field(header, 'cc')),
    date: date && !Number.isNaN(date.getTime()) ? date : undefined,
    messageId: field(header, 'message-id'),
    body: bodyText,
    bodyType,
    hasAttachments,
  };
}

/** A header value safe to write: plain if printable ASCII, else one RFC 2047 B word of UTF-8. */
function headerText(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${base64(toOctets(flat))}?=`;
}

/** What a CreateItem asks to send. */
export interface Outgoing {
  from: Address;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  body: string;
  bodyType: 'Text' | 'HTML';
  date: Date;
  messageId: string;
}

/** The message a CreateItem sends, as octets; a non-ASCII body is UTF-8 in base64 lines of 76 (RFC 2045 §6.8). */
export function compose(m: Outgoing): RawMessage {
  // Plain ASCII text in lines of at most 998 octets goes as it is (RFC 5322 §2.1.1); anything else in base64.
  const bodyLines = m.body.split(/\r\n|\r|\n/);
  const plain = bodyLines.every((l) => l.length <= 998 && /^[\x20-\x7e\t]*$/.test(l));
  const lines = [
    `From: ${headerText(m.from.name)} <${m.from.address}>`,
    ...(m.to.length > 0 ? [`To: ${m.to.join(', ')}`] : []),
    ...(m.cc.length > 0 ? [`Cc: ${m.cc.join(', ')}`] : []),
    `Subject: ${headerText(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: ${m.messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: ${m.bodyType === 'HTML' ? 'text/html' : 'text/plain'}; charset=${plain ? 'us-ascii' : 'utf-8'}`,
    `Content-Transfer-Encoding: ${plain ? '7bit' : 'base64'}`,
    '',
    ...(plain ? bodyLines : (base64(toOctets(m.body)).match(/.{1,76}/g) ?? [])),
  ];
  return lines.map((l) => `${l}\r\n`).join('');
}
