/**
 * The envelope and the header of the first message a scenario sends, read from its playback: MAIL FROM and each
 * RCPT TO with the server's reply (RFC 5321 §2.3.1), and the header fields of the text sent after DATA
 * (RFC 5322 §2.1). A recipient the server accepted who appears in no To or Cc field is a blind copy (Bcc).
 * Parsing reuses the engine's own: SMTP paths from src/protocols/smtp, address lists from the IMAP MIME code.
 */
import type { Scenario } from '../../scenarios/scenario.ts';
import type { ScenarioPlayback } from '../../scenarios/runner.ts';
import { parseAddressList } from '../../protocols/imap/mime-address.ts';
import { fromLines, headerFields, splitMessage } from '../../protocols/shared/message.ts';
import { afterPrefix, parseCommand, parsePath } from '../../protocols/smtp/parse.ts';
import { lineProfileOf } from '../../protocols/registry.ts';

/** One envelope command as sent, with the server's answer. */
export interface EnvelopeLine {
  /** The client's line, e.g. "RCPT TO:<bob@example.test>". */
  line: string;
  address: string;
  /** The server's reply line. */
  reply: string;
  accepted: boolean;
}

/** A recipient of the envelope, and where the header names it. */
export interface EnvelopeRecipient extends EnvelopeLine {
  /** The header fields that name this address (To, Cc …), as written. */
  fields: string[];
  /** Accepted, but named in no To or Cc field: the others cannot see it got the message. */
  blind: boolean;
}

/** One header field and the addresses in it. */
export interface HeaderLine {
  name: string;
  value: string;
  addresses: string[];
}

/** What the diagram shows. */
export interface EnvelopeView {
  mailFrom: EnvelopeLine;
  recipients: EnvelopeRecipient[];
  header: HeaderLine[];
}

/** Fields that show a recipient to every other recipient. */
const VISIBLE = ['to', 'cc'];
/** The originator and destination fields, the ones that hold addresses (RFC 5322 §3.6.2, §3.6.3). */
const ADDRESS_FIELDS = ['from', 'sender', 'reply-to', 'to', 'cc', 'bcc'];

const lower = (s: string) => s.toLowerCase();

function pathOf(args: string, prefix: 'FROM:' | 'TO:'): string {
  const after = afterPrefix(args, prefix);
  const path = after === undefined ? undefined : parsePath(after);
  return path?.ok ? path.address : (after ?? args);
}

/** The envelope and header of the first message the scenario's client sends; throws when it sends none. */
export function envelopeOf(scenario: Scenario, playback: ScenarioPlayback): EnvelopeView {
  // Only a protocol that carries a message in an envelope has one to show (SMTP, RFC 5321 §2.3.1).
  if (lineProfileOf(scenario.protocol).mailModel !== 'envelope') throw new Error(`<EnvelopeDiagram>: scenario ${scenario.id} is ${scenario.protocol}, not SMTP: it sends no envelope`);
  const entries = playback.played.flatMap((p) => p.entries);
  let mailFrom: EnvelopeLine | undefined;
  let rcpts: EnvelopeLine[] = [];
  let message: string[] | undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.kind !== 'client') continue;
    if (message !== undefined) {
      if (entry.text === '.') break;
      message.push(entry.text.startsWith('..') ? entry.text.slice(1) : entry.text);
      continue;
    }
    const replies = [];
    for (let j = i + 1; j < entries.length && entries[j]!.kind !== 'client'; j++) if (entries[j]!.kind === 'server') replies.push(entries[j]!.text);
    const reply = replies.at(-1) ?? '';
    const accepted = /^2\d\d/.test(reply);
    const { verb, args } = parseCommand(entry.text);
    if (verb === 'MAIL' && accepted) [mailFrom, rcpts] = [{ line: entry.text, address: pathOf(args, 'FROM:'), reply, accepted }, []];
    else if (verb === 'RCPT' && mailFrom) rcpts.push({ line: entry.text, address: pathOf(args, 'TO:'), reply, accepted });
    else if (verb === 'RSET' || verb === 'EHLO' || verb === 'HELO') [mailFrom, rcpts] = [undefined, []];
    else if (verb === 'DATA' && mailFrom && reply.startsWith('354')) message = [];
  }
  if (!mailFrom || message === undefined) throw new Error(`<EnvelopeDiagram>: scenario ${scenario.id} sends no message (no DATA answered with 354 after an accepted MAIL FROM)`);
  const header = headerFields(splitMessage(fromLines(message)).header).map((f) => ({
    ...f,
    addresses: ADDRESS_FIELDS.includes(lower(f.name)) ? parseAddressList(f.value).flatMap((a) => (a.mailbox && a.host ? [`${a.mailbox}@${a.host}`] : [])) : [],
  }));
  const recipients = rcpts.map((r) => {
    const fields = header.filter((h) => h.addresses.some((a) => lower(a) === lower(r.address))).map((h) => h.name);
    return { ...r, fields, blind: r.accepted && !fields.some((f) => VISIBLE.includes(lower(f))) };
  });
  return { mailFrom, recipients, header };
}
