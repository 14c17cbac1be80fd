/** IMAP's profile (RFC 9051, RFC 3501), as widgets, scenarios and the lab see it. */
import type { LineProtocolProfile } from '../shared/profile.ts';
import { tokenizeImap } from './tokens.ts';

/** IMAP: one mailbox for many devices, on 143 (STARTTLS) and 993 (implicit TLS). */
export const imapProfile: LineProtocolProfile<'imap'> = {
  id: 'imap',
  label: 'IMAP',
  dataIds: ['imap'],
  framing: 'line',
  mailModel: 'server-mailbox',
  literals: true,
  tokenize: tokenizeImap,
  expectPattern: /^(?:OK|NO|BAD|\+|-|\* [A-Z][A-Z0-9.-]*)$/,
  // RFC 3501 §5.4: an autologout timer of at least 30 minutes.
  idleTimeoutSeconds: 1800,
  // RFC 8314 §3.3: implicit TLS.
  clientPort: 993,
  replyTextSource: 'RFC 9051 §7.1',
  input: {
    // RFC 9051 §2.2.1: every command carries the client's tag; the rule loads with the first IMAP command line.
    tagged: true,
    ownTagRule: () => import('./command-tag.ts').then((m) => m.hasOwnTag),
  },
};
