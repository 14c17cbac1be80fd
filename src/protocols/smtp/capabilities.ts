/** What the server offers: the EHLO keyword list (RFC 5321 §4.1.1.1) and the HELP text (§4.1.1.8). */
import { SERVER_HOST } from '../shared/world.ts';
import { multiline } from './format.ts';
import { MESSAGE_SIZE_LIMIT, RCPT_MAX } from './limits.ts';

/** The session facts that decide what is offered. */
export interface OfferFacts {
  tls: boolean;
  role: 'relay' | 'submission' | 'access';
  /** The world's message size limit, which SIZE advertises; the default limit when absent. */
  sizeLimit?: number;
}

/** Whether AUTH is offered: only for submission and only once TLS is up (RFC 6409 §4.3, RFC 8314 §3.3). */
export function offersAuth(f: OfferFacts): boolean {
  return f.role === 'submission' && f.tls;
}

/**
 * The EHLO keywords, each implemented (RFC 5321 §4.2.4: never advertise what would then fail). STARTTLS
 * disappears once TLS is up (RFC 3207 §4.2); AUTH appears only where `offersAuth`.
 */
export function ehloKeywords(f: OfferFacts): string[] {
  return [
    'PIPELINING', // RFC 2920
    `SIZE ${f.sizeLimit ?? MESSAGE_SIZE_LIMIT}`, // RFC 1870
    'VRFY',
    ...(f.tls ? [] : ['STARTTLS']), // RFC 3207
    ...(offersAuth(f) ? ['AUTH PLAIN LOGIN'] : []), // RFC 4954
    'ENHANCEDSTATUSCODES', // RFC 2034
    '8BITMIME', // RFC 6152
    `LIMITS RCPTMAX=${RCPT_MAX}`, // RFC 9422
  ];
}

/** The reply to EHLO: the server's name, then one keyword a line (RFC 5321 §4.1.1.1, ehlo-ok-rsp). */
export function ehloReply(f: OfferFacts): string[] {
  return multiline(250, undefined, [SERVER_HOST, ...ehloKeywords(f)]);
}

/** The syntax of each implemented command, as HELP shows it. */
export const COMMAND_SYNTAX: Record<string, string> = {
  EHLO: 'EHLO <your host name>',
  HELO: 'HELO <your host name>',
  STARTTLS: 'STARTTLS',
  AUTH: 'AUTH PLAIN|LOGIN [initial-response]',
  MAIL: 'MAIL FROM:<sender> [SIZE=octets] [BODY=7BIT|8BITMIME]',
  RCPT: 'RCPT TO:<recipient>',
  DATA: 'DATA (then the message, ending with a line holding only ".")',
  RSET: 'RSET',
  NOOP: 'NOOP',
  VRFY: 'VRFY <user or address>',
  HELP: 'HELP [command]',
  QUIT: 'QUIT',
};

/** The reply to HELP: the syntax of one command, or the list of commands this session may use (214). */
export function helpReply(topic: string, f: OfferFacts): string[] {
  const syntax = Object.hasOwn(COMMAND_SYNTAX, topic.toUpperCase()) ? COMMAND_SYNTAX[topic.toUpperCase()] : undefined;
  if (syntax && (topic.toUpperCase() !== 'AUTH' || f.role === 'submission')) return multiline(214, '2.0.0', [syntax]);
  const verbs = Object.keys(COMMAND_SYNTAX).filter((v) => (v !== 'STARTTLS' || !f.tls) && (v !== 'AUTH' || f.role === 'submission'));
  return multiline(214, '2.0.0', ['Mailwire SMTP server. Commands:', verbs.join(' '), 'HELP <command> shows its syntax']);
}
