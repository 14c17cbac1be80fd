/** IMAP's profile (RFC 9051, RFC 3501), as widgets, scenarios and the lab see it. */
import type { ProtocolProfile } from '../shared/profile.ts';
import { imapObserved } from './observed.ts';
import { tokenizeImap } from './tokens.ts';

/** IMAP: one mailbox for many devices, on 143 (STARTTLS) and 993 (implicit TLS). */
export const imapProfile: ProtocolProfile<'imap'> = {
  id: 'imap',
  label: 'IMAP',
  dataIds: ['imap'],
  framing: 'line',
  literals: true,
  tokenize: tokenizeImap,
  observedCode: imapObserved,
  expectPattern: /^(?:OK|NO|BAD|\+|-|\* [A-Z][A-Z0-9.-]*)$/,
  // RFC 3501 §5.4: an autologout timer of at least 30 minutes.
  idleTimeoutSeconds: 1800,
  farewells: {
    // RFC 3501 §7.1.5: a server may send an untagged BYE at any time.
    shutdown: ['* BYE Server shutting down.'],
    refusal: (address) => [`* BYE ${address === undefined ? 'Too many connections' : `Too many connections from ${address}`}, try again later.`],
    internalError: ['* BYE Internal error occurred. Refer to the lab transcript for more information.'],
    closingPrefix: '* BYE ',
  },
  input: {
    // RFC 9051 §2.2.1: every command carries the client's tag; the rule loads with the first IMAP command line.
    tagged: true,
    ownTagRule: () => import('./command-tag.ts').then((m) => m.hasOwnTag),
  },
};
