/**
 * The client's side of a SASL login, as a learner builds it by hand: the lines to send for PLAIN (RFC 4616) and
 * LOGIN, in each protocol's command (SMTP and POP3 AUTH, RFC 4954 §4 and RFC 5034 §4; IMAP AUTHENTICATE, RFC 3501
 * §6.2.2). XOAUTH2 is not here yet: it needs a real OAuth 2.0 token and comes with the Exchange lessons.
 */
import { encodeBase64 } from './sasl.ts';
import type { LineProtocolName } from './session-types.ts';

/** Base64 of a text's UTF-8 octets (RFC 4616 §2 and the LOGIN answers carry UTF-8). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const octet of new TextEncoder().encode(text)) binary += String.fromCharCode(octet);
  return encodeBase64(binary);
}

/** The command that starts a SASL exchange with `mechanism`, and an initial response if given. */
export function authCommand(protocol: LineProtocolName, mechanism: string, initial?: string): string {
  const verb = protocol === 'imap' ? 'AUTHENTICATE' : 'AUTH';
  return initial === undefined ? `${verb} ${mechanism}` : `${verb} ${mechanism} ${initial}`;
}

/** One line the learner may send, and whether it is a command (IMAP tags those) or an answer to a challenge. */
export interface ClientLine {
  text: string;
  command: boolean;
}

/** The PLAIN message: the octets, shown with "␀" for each NUL, and the line to send. */
export interface PlainLogin {
  shown: string;
  base64: string;
  /** With the initial response on the command line; when the server already sent its empty challenge, the answer. */
  line: ClientLine;
}

/**
 * PLAIN (RFC 4616 §2): an empty authorization identity, NUL, the user name, NUL, the password, in one base64 line.
 * `answering`: the server already sent its empty challenge ("334 " or "+ "), so only the base64 is sent.
 */
export function plainLogin(protocol: LineProtocolName, user: string, password: string, answering: boolean): PlainLogin {
  const base64 = base64Utf8(`\0${user}\0${password}`);
  return {
    shown: `␀${user}␀${password}`,
    base64,
    line: answering ? { text: base64, command: false } : { text: authCommand(protocol, 'PLAIN', base64), command: true },
  };
}

/** LOGIN: the command, then the user name and the password, each its own base64 answer to the server's question. */
export function loginLines(protocol: LineProtocolName, user: string, password: string): [ClientLine, ClientLine, ClientLine] {
  return [
    { text: authCommand(protocol, 'LOGIN'), command: true },
    { text: base64Utf8(user), command: false },
    { text: base64Utf8(password), command: false },
  ];
}
