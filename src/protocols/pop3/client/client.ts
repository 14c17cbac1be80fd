/**
 * A small POP3 mail client, as a phone or laptop mail app runs it (RFC 1939): log in, ask what the maildrop
 * holds (STAT, UIDL), download what this device has not seen yet, optionally delete it from the server, QUIT.
 * It reads only the server's replies, never the mail world.
 */
import { headerValue } from '../../shared/message.ts';
import type { TranscriptEntry } from '../../shared/session-types.ts';
import { ACCOUNT, type Connect, type LocalMessage } from '../../shared/client-types.ts';

/** What one "Check mail" over POP3 did. */
export interface Pop3CheckResult {
  entries: TranscriptEntry[];
  /** Messages new to this device, in maildrop order. */
  downloaded: LocalMessage[];
  /** How many of them the server deleted at QUIT. */
  deleted: number;
  /** How many messages the maildrop held when the device looked (STAT). */
  onServer: number;
  /** The server's refusal, if the session stopped early. */
  error: string | undefined;
}

const ok = (line: string | undefined) => line !== undefined && line.startsWith('+OK');

/** `+OK 3 1703` → 3 (RFC 1939 §5, STAT); undefined if the reply is not a STAT answer. */
export function parseStat(line: string | undefined): number | undefined {
  const m = /^\+OK (\d+) \d+/.exec(line ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The body of a multi-line reply: the lines between `+OK` and the lone `.`, dot-unstuffed (RFC 1939 §3). */
export function multiline(replies: readonly string[]): string[] {
  if (!ok(replies[0])) return [];
  const end = replies.lastIndexOf('.');
  return replies.slice(1, end < 0 ? undefined : end).map((l) => (l.startsWith('.') ? l.slice(1) : l));
}

/** UIDL's listing (RFC 1939 §7): message number and unique id per line. */
export function parseUidl(replies: readonly string[]): Array<{ n: number; uid: string }> {
  const out: Array<{ n: number; uid: string }> = [];
  for (const line of multiline(replies)) {
    const m = /^(\d+) (\S+)$/.exec(line);
    if (m) out.push({ n: Number(m[1]), uid: m[2]! });
  }
  return out;
}

/** The display name of a From header ("Carol <carol@sender.example>" → "Carol"), else the address. */
export function displayName(from: string | undefined): string {
  if (!from) return '(unknown sender)';
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>/.exec(from);
  if (!m) return from.trim();
  return m[1] ? m[1] : m[2]!;
}

/** A downloaded message as the device lists it: new mail is unread and unflagged on a POP3 device. */
export function toLocal(uid: string, lines: readonly string[]): LocalMessage {
  const raw = lines.map((l) => `${l}\r\n`).join('');
  return { key: uid, subject: headerValue(raw, 'Subject') ?? '(no subject)', from: displayName(headerValue(raw, 'From')), seen: false, flagged: false };
}

/**
 * One "Check mail": downloads every message whose UIDL id is not in `known`; with `deleteAfter`, marks each
 * downloaded message with DELE so the server removes it when QUIT commits (RFC 1939 §6).
 */
export function pop3CheckMail(connect: Connect, known: ReadonlySet<string>, deleteAfter: boolean): Pop3CheckResult {
  const session = connect();
  const result: Pop3CheckResult = { entries: [...session.greeting], downloaded: [], deleted: 0, onServer: 0, error: undefined };
  const send = (line: string): string[] => {
    const step = session.send(line);
    result.entries.push(...step.entries);
    return step.replies;
  };
  const greeting = session.greeting.find((e) => e.kind === 'server')?.text;
  if (!ok(greeting)) return { ...result, error: greeting ?? 'no greeting' };
  const refusal = [`USER ${ACCOUNT.user}`, `PASS ${ACCOUNT.password}`].map(send).find((r) => !ok(r[0]));
  const statLine = refusal ? undefined : send('STAT')[0];
  const count = parseStat(statLine);
  if (refusal || count === undefined) {
    send('QUIT');
    return { ...result, error: (refusal ?? [statLine])[0] ?? 'no reply' };
  }
  result.onServer = count;
  const listing = count > 0 ? parseUidl(send('UIDL')) : [];
  const fetched: number[] = [];
  for (const { n, uid } of listing) {
    if (known.has(uid)) continue;
    const replies = send(`RETR ${n}`);
    if (!ok(replies[0])) continue;
    result.downloaded.push(toLocal(uid, multiline(replies)));
    fetched.push(n);
  }
  if (deleteAfter) result.deleted = fetched.map((n) => send(`DELE ${n}`)).filter((r) => ok(r[0])).length;
  // The DELE marks only take effect if QUIT succeeds; a dropped connection would keep every message.
  if (!ok(send('QUIT')[0])) result.deleted = 0;
  return result;
}
