/**
 * Delivery of a message SMTP accepted (RFC 5321 §4.2.5): a copy with trace headers (§4.4) in the INBOX of each local
 * recipient, an entry in the outbound queue for each other domain, or nothing at all when the local copies would
 * not fit the store or a recipient's quota.
 */
import { rfc5322Date } from './clock.ts';
import { SERVER_HOST } from './host.ts';
import type { StoreRefusal } from './limits.ts';
import { joinOctets, octets, type RawMessage } from './message.ts';
import type { MailUser, MailWorld } from './world.ts';

/** Mail accepted for a domain this world does not serve: the next hop would be an MX lookup and SMTP on port 25. */
export interface QueuedMessage {
  readonly queueId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly domain: string;
  readonly size: number;
  readonly queuedAt: Date;
  /** What a real MTA would do next, for the learner. */
  readonly nextHop: string;
}

/** The SMTP envelope and session facts delivery needs (RFC 5321 §2.3.1, §4.4). */
export interface Envelope {
  from: string;
  recipients: readonly string[];
  helo: string;
  clientAddress: string;
  /** "ESMTP", "ESMTPS" with TLS, "ESMTPSA" with TLS and AUTH (RFC 3848). */
  withProtocol: string;
}

/** Why a delivery stored nothing: the reason and the local recipient it concerns. */
export interface DeliveryRefusal {
  reason: StoreRefusal;
  recipient: string;
}

/** What happened to a message accepted by SMTP. */
export interface DeliveryResult {
  queueId: string;
  delivered: string[];
  queued: QueuedMessage[];
  /** Set when the local copies would not fit (store or a quota): then nothing was delivered or queued. */
  refused?: DeliveryRefusal;
}

interface LocalCopy {
  rcpt: string;
  user: MailUser;
  trace: string;
}

/** Delivers `content` for `envelope` in `world` (MailWorld.deliver). */
export function deliver(world: MailWorld, envelope: Envelope, content: RawMessage): DeliveryResult {
  const queueId = world.newQueueId();
  const now = world.clock.tick();
  const delivered: string[] = [];
  const remote = new Map<string, string[]>();
  const local: LocalCopy[] = [];
  for (const rcpt of envelope.recipients) {
    const user = world.localRecipient(rcpt);
    if (user) {
      const trace =
        `Return-Path: <${envelope.from}>\r\n` +
        `Received: from ${envelope.helo} (${envelope.helo} [${envelope.clientAddress}])\r\n` +
        `\tby ${SERVER_HOST} (Mailwire) with ${envelope.withProtocol} id ${queueId}\r\n` +
        `\tfor <${rcpt}>; ${rfc5322Date(now)}\r\n`;
      local.push({ rcpt, user, trace });
    } else {
      const domain = rcpt.slice(rcpt.lastIndexOf('@') + 1).toLowerCase();
      remote.set(domain, [...(remote.get(domain) ?? []), rcpt]);
    }
  }
  const refused = refusal(world, local, content.length);
  if (refused) return { queueId, delivered, queued: [], refused };
  for (const { rcpt, user, trace } of local) {
    // One flat string per stored copy: the text DATA collected line by line is never kept beside it.
    world.append(user.name, 'INBOX', joinOctets([trace, content]), [], now);
    delivered.push(rcpt);
  }
  const queued = [...remote].map(([domain, to]) => {
    const entry: QueuedMessage = {
      queueId,
      from: envelope.from,
      to,
      domain,
      size: octets(content),
      queuedAt: now,
      nextHop: `look up the MX records of ${domain}, then connect to the best MX on port 25 and relay with SMTP (RFC 5321 §5.1)`,
    };
    world.outbound.push(entry);
    return entry;
  });
  return { queueId, delivered, queued };
}

/** Whether all local copies fit: the store first, then each recipient's quota (DATA checked the message size). */
function refusal(world: MailWorld, local: readonly LocalCopy[], octetCount: number): DeliveryRefusal | undefined {
  if (local.length === 0) return undefined;
  const sizes = local.map((l) => l.trace.length + octetCount);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (world.refusal(local[0]!.user.name, total, 0, local.length) === 'storeFull') return { reason: 'storeFull', recipient: local[0]!.rcpt };
  const perUser = new Map<string, number>();
  for (const [i, l] of local.entries()) {
    const forUser = (perUser.get(l.user.name) ?? 0) + sizes[i]!;
    perUser.set(l.user.name, forUser);
    if (world.usage(l.user.name) + forUser > world.limits.userQuotaOctets) return { reason: 'overQuota', recipient: l.rcpt };
  }
  return undefined;
}
