/**
 * The envelope (RFC 5321 §2.3.1): checking MAIL FROM (§4.1.1.2, SIZE from RFC 1870, BODY from RFC 6152) and
 * RCPT TO (§4.1.1.3) and deciding each recipient's fate, as a verdict: accepted with its value, or the reply.
 */
import type { MailWorld } from '../shared/world.ts';
import { LOCAL_DOMAIN } from '../shared/world.ts';
import { MESSAGE_SIZE_LIMIT, RCPT_MAX, SPACE_MULTIPLIER } from './limits.ts';
import { afterPrefix, isBarePostmaster, isEsmtpValue, parseParams, parsePath } from './parse.ts';
import { mailboxFull, relayDenied, SMTP, unsupportedOption, userUnknown } from './replies.ts';

/** Accepted with a value, or refused with one reply line. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reply: string };

/** What MAIL FROM opened: the reverse-path ('' for the null sender) and the declared size and body type. */
export interface Sender {
  address: string;
  size: number | undefined;
  body: '7BIT' | '8BITMIME';
}

/**
 * Checks the arguments of MAIL; `authOffered` says whether the AUTH= parameter may be used (RFC 4954 §5). With
 * the world, its size limit applies and a store without room refuses the transaction, as Postfix does.
 */
export function checkMail(args: string, authOffered: boolean, world?: MailWorld): Verdict<Sender> {
  const after = afterPrefix(args, 'FROM:');
  if (after === undefined) return { ok: false, reply: SMTP.mailSyntax };
  const path = parsePath(after);
  if (!path.ok) return { ok: false, reply: path.error === 'tooLong' ? SMTP.senderTooLong : SMTP.badSender };
  if (isBarePostmaster(path.address)) return { ok: false, reply: SMTP.badSender };
  const sender: Sender = { address: path.address, size: undefined, body: '7BIT' };
  for (const p of parseParams(path.rest)) {
    if (p.keyword === 'SIZE') {
      if (p.value === undefined || !/^[0-9]{1,20}$/.test(p.value)) return { ok: false, reply: SMTP.badSize };
      sender.size = Number(p.value);
    } else if (p.keyword === 'BODY') {
      const body = p.value?.toUpperCase();
      if (body !== '7BIT' && body !== '8BITMIME') return { ok: false, reply: SMTP.badBody };
      sender.body = body;
    } else if (p.keyword === 'AUTH' && authOffered && p.value !== undefined && isEsmtpValue(p.value)) {
      // RFC 4954 §5: the original submitter; a server that does not trust it treats it as <>, which costs nothing here.
    } else return { ok: false, reply: unsupportedOption(p.raw) };
  }
  const limit = world?.limits.messageOctets ?? MESSAGE_SIZE_LIMIT;
  // RFC 1870 §6: a declared size over the limit is refused at once, before a single octet of the message.
  if (sender.size !== undefined && sender.size > limit) return { ok: false, reply: SMTP.sizeExceedsLimit };
  // Postfix's smtpd_check_queue(): too little room left for one more message of the largest size.
  if (world && world.freeOctets < SPACE_MULTIPLIER * limit) return { ok: false, reply: SMTP.insufficientStorage };
  return { ok: true, value: sender };
}

/** What RCPT needs to know about the session. */
export interface RecipientFacts {
  world: MailWorld;
  role: 'relay' | 'submission' | 'access';
  /** Recipients accepted so far in this transaction. */
  accepted: number;
}

/**
 * Checks the arguments of RCPT and routes the address: local users and postmaster are accepted; unknown local
 * users get 550; other domains are relayed only for submission clients, who are authenticated by then
 * (RFC 6409 §4.3); on the relay port they get 554 (RFC 5321 §3.6.2: no open relay).
 */
export function checkRecipient(args: string, f: RecipientFacts): Verdict<string> {
  const after = afterPrefix(args, 'TO:');
  if (after === undefined) return { ok: false, reply: SMTP.rcptSyntax };
  const path = parsePath(after);
  if (!path.ok) return { ok: false, reply: path.error === 'tooLong' ? SMTP.recipientTooLong : SMTP.badRecipient };
  if (path.address === '') return { ok: false, reply: SMTP.badRecipient };
  const extra = parseParams(path.rest)[0];
  if (extra) return { ok: false, reply: unsupportedOption(extra.raw) };
  if (f.accepted >= RCPT_MAX) return { ok: false, reply: SMTP.tooManyRecipients };
  const address = path.address;
  if (isBarePostmaster(address)) return { ok: true, value: address };
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!f.world.isLocalDomain(domain)) return f.role === 'relay' ? { ok: false, reply: relayDenied(address) } : { ok: true, value: address };
  const user = f.world.localRecipient(address);
  if (!user) return { ok: false, reply: userUnknown(address) };
  // A mailbox already full refuses at RCPT, as Dovecot's LMTP does with lmtp_rcpt_check_quota (lmtp-local.c).
  return f.world.isOverQuota(user.name) ? { ok: false, reply: mailboxFull(address) } : { ok: true, value: address };
}

/** The address delivery uses: the bare postmaster means the local domain's postmaster (RFC 5321 §4.1.1.3). */
export function deliveryAddress(address: string): string {
  return isBarePostmaster(address) ? `postmaster@${LOCAL_DOMAIN}` : address;
}

/**
 * Recipients once each: an address named twice, or two addresses of one local mailbox (postmaster and alice),
 * get one copy, as MTAs collapse duplicates. The first address given is the one kept.
 */
export function uniqueRecipients(addresses: readonly string[], world: MailWorld): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of addresses.map(deliveryAddress)) {
    const at = a.lastIndexOf('@');
    // Local parts are case-sensitive, domains are not (RFC 5321 §2.4).
    const key = world.localRecipient(a)?.name ?? `${a.slice(0, at)}@${a.slice(at + 1).toLowerCase()}`;
    if (!seen.has(key)) out.push(a);
    seen.add(key);
  }
  return out;
}

/**
 * The Received header's "with" keyword (RFC 5321 §4.4, RFC 3848): SMTP after HELO, ESMTP after EHLO, plus S when
 * TLS protected the session and A when the client authenticated (ESMTPS, ESMTPSA).
 */
export function withProtocol(esmtp: boolean, tls: boolean, authenticated: boolean): string {
  if (!esmtp && !tls && !authenticated) return 'SMTP';
  return `ESMTP${tls ? 'S' : ''}${authenticated ? 'A' : ''}`;
}
