/**
 * A stored message as ActiveSync's email class shows it in a Sync Add ([MS-ASEMAIL] §2.2.2, [MS-ASAIRS] §2.2.2.9):
 * addresses, subject, date, the read flag, and the body as plain text or the whole MIME message, cut to the size the
 * device asked for.
 */
import type { StoredMessage } from '../../shared/world.ts';
import { summarize, type Address } from '../mime.ts';
import { element, first, leaf, textOf, type WbxmlElement } from '../wbxml/tree.ts';
import { toOctets } from '../xml-write.ts';

const E = 'Email';
const B = 'AirSyncBase';

/** What the device asked for in Options/BodyPreference: 1 plain text or 4 MIME, and a size to cut at. */
export interface BodyPreference {
  type: 1 | 4;
  truncation: number | undefined;
}

/** The body preference of a Sync collection's Options; plain text, whole, when there is none. */
export function bodyPreference(options: WbxmlElement | undefined): BodyPreference {
  const pref = first(options, 'BodyPreference', B);
  const size = Number(textOf(pref, 'TruncationSize', B));
  return { type: textOf(pref, 'Type', B) === '4' ? 4 : 1, truncation: Number.isInteger(size) && size >= 0 ? size : undefined };
}

const address = (a: Address) => (a.name ? `"${a.name.replace(/["\\]/g, '')}" <${a.address}>` : a.address);

/** Octets as text for an inline string (which WBXML writes back as UTF-8); a cut inside a character becomes U+FFFD. */
const utf8 = (octets: string) => new TextDecoder().decode(Uint8Array.from(octets, (c) => c.charCodeAt(0)));

/** An ActiveSync date-time ([MS-ASDTYPE] §2.3): UTC with milliseconds, e.g. 2026-11-21T09:00:01.000Z. */
export function easDate(d: Date): string {
  return d.toISOString();
}

/** The ApplicationData of one message. */
export function applicationData(m: StoredMessage, pref: BodyPreference): WbxmlElement {
  const s = summarize(m.raw);
  // The body's size is counted in octets: a MIME body is the stored octets, a text body its UTF-8 form.
  const full = pref.type === 4 ? m.raw : toOctets(s.body);
  const cut = pref.truncation !== undefined && full.length > pref.truncation;
  const data = cut ? full.slice(0, pref.truncation) : full;
  const body = element(B, 'Body', leaf(B, 'Type', pref.type), leaf(B, 'EstimatedDataSize', full.length), cut && leaf(B, 'Truncated', 1), data !== '' && { ns: B, name: 'Data', children: [], text: utf8(data) });
  return element(
    'AirSync',
    'ApplicationData',
    s.to.length > 0 && leaf(E, 'To', s.to.map(address).join(', ')),
    s.cc.length > 0 && leaf(E, 'Cc', s.cc.map(address).join(', ')),
    s.from && leaf(E, 'From', address(s.from)),
    leaf(E, 'Subject', s.subject),
    leaf(E, 'DateReceived', easDate(m.internalDate)),
    leaf(E, 'DisplayTo', s.to.map((a) => a.name || a.address).join('; ')),
    leaf(E, 'ThreadTopic', s.subject),
    leaf(E, 'Importance', 1),
    leaf(E, 'Read', m.flags.has('\\Seen') ? 1 : 0),
    body,
    leaf(E, 'MessageClass', 'IPM.Note'),
    leaf(E, 'InternetCPID', 65001),
    leaf(E, 'ContentClass', 'urn:content-classes:message'),
    leaf(B, 'NativeBodyType', s.bodyType === 'HTML' ? 2 : 1),
  );
}
