/** Someone else's mail for Alice, in a fixed order, so every run of the widget tells the same story. */
import { rfc5322Date } from '../../../protocols/shared/clock.ts';
import { fromLines } from '../../../protocols/shared/message.ts';
import type { Envelope, MailWorld } from '../../../protocols/shared/world.ts';

/** One message another person sends Alice. */
export interface IncomingMail {
  name: string;
  address: string;
  subject: string;
  body: string;
}

/** The messages "Send a new message to Alice" delivers, in turn. */
export const INCOMING: readonly IncomingMail[] = [
  { name: 'Erin', address: 'erin@elsewhere.example', subject: 'Train times', body: 'The 8:15 is cancelled; take the 8:40.' },
  { name: 'Bob', address: 'bob@example.test', subject: 'Photos from Saturday', body: 'I put the photos in the shared folder.' },
  { name: 'Carol', address: 'carol@sender.example', subject: 'Agenda for Monday', body: 'First item: the budget.' },
];

/** The `n`th incoming message (0-based); after the list runs out, subjects get a number. */
export function incoming(n: number): IncomingMail {
  const base = INCOMING[n % INCOMING.length]!;
  const round = Math.floor(n / INCOMING.length);
  return round === 0 ? base : { ...base, subject: `${base.subject} (${round + 1})` };
}

/** Delivers the `n`th incoming message into Alice's INBOX as the SMTP server would (world.deliver). */
export function deliverIncoming(world: MailWorld, n: number): IncomingMail {
  const mail = incoming(n);
  const envelope: Envelope = {
    from: mail.address,
    recipients: ['alice@example.test'],
    helo: mail.address.slice(mail.address.indexOf('@') + 1),
    clientAddress: '192.0.2.25',
    withProtocol: 'ESMTPS',
  };
  const content = fromLines([
    `From: ${mail.name} <${mail.address}>`,
    'To: Alice <alice@example.test>',
    `Subject: ${mail.subject}`,
    `Date: ${rfc5322Date(world.clock.peek())}`,
    `Message-ID: <incoming-${n + 1}@${envelope.helo}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    mail.body,
  ]);
  world.deliver(envelope, content);
  return mail;
}
