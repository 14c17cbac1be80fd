/**
 * The ENVELOPE structure (RFC 3501 §7.4.2): date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to and
 * message-id, taken from a message's header as written (no RFC 2047 decoding, as servers send it).
 */
import { imapNString } from './format.ts';
import { parseAddressList, type EnvelopeAddress } from './mime-address.ts';
import { fieldValue, type HeaderField } from './mime-header.ts';

function address(a: EnvelopeAddress): string {
  return `(${imapNString(a.name)} ${imapNString(a.adl)} ${imapNString(a.mailbox)} ${imapNString(a.host)})`;
}

/** An address list: the addresses with no space between them, or NIL when there are none. */
function addressList(list: readonly EnvelopeAddress[]): string {
  return list.length === 0 ? 'NIL' : `(${list.map(address).join('')})`;
}

/** The ENVELOPE of the entity with these header fields, parenthesized. */
export function envelope(fields: readonly HeaderField[]): string {
  const text = (name: string) => imapNString(fieldValue(fields, name));
  const list = (name: string) => {
    const value = fieldValue(fields, name);
    return value === undefined ? [] : parseAddressList(value);
  };
  const from = list('From');
  // RFC 3501 §7.4.2: a Sender or Reply-To that is absent or empty takes the From value.
  const sender = list('Sender');
  const replyTo = list('Reply-To');
  return `(${[
    text('Date'),
    text('Subject'),
    addressList(from),
    addressList(sender.length > 0 ? sender : from),
    addressList(replyTo.length > 0 ? replyTo : from),
    addressList(list('To')),
    addressList(list('Cc')),
    addressList(list('Bcc')),
    text('In-Reply-To'),
    text('Message-ID'),
  ].join(' ')})`;
}
