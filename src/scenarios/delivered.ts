/**
 * Mail that arrives from elsewhere during a guided scenario (an IMAP client in IDLE, an ActiveSync Ping, a Graph
 * delta): a small message whose Date and Message-ID come from the world clock, so replays are identical.
 */
import { rfc5322Date } from '../protocols/shared/clock.ts';
import { fromLines } from '../protocols/shared/message.ts';
import type { MailWorld } from '../protocols/shared/world.ts';

/** Someone else's mail, as a scenario file writes it. */
export interface ArrivingMail {
  from: string;
  to: string;
  subject: string;
  body: string;
}

/** A small RFC 5322 message whose Date and Message-ID come from the world clock, so replays are identical. */
export function deliveredMessage(world: MailWorld, event: ArrivingMail): string {
  const now = world.clock.peek();
  const domain = event.from.slice(event.from.lastIndexOf('@') + 1);
  return fromLines([
    `From: <${event.from}>`,
    `To: <${event.to}>`,
    `Subject: ${event.subject}`,
    `Date: ${rfc5322Date(now)}`,
    `Message-ID: <${Math.floor(now.getTime() / 1000)}.scenario@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ...event.body.split(/\r?\n/),
  ]);
}

/** Delivers `event` into the world as an MX would, over ESMTPS from another domain's server. */
export function deliverMail(world: MailWorld, event: ArrivingMail): void {
  world.deliver(
    { from: event.from, recipients: [event.to], helo: 'mx.sender.example', clientAddress: '192.0.2.25', withProtocol: 'ESMTPS' },
    deliveredMessage(world, event),
  );
}
