/**
 * Which commands the dialogue allows now, and the refusal when it does not (RFC 5321 §4.1.4: out of order is
 * 503). The machine's guards and the driver's out-of-state replies both ask this one function, so what the UI
 * lists as allowed and what the server refuses cannot drift apart.
 *
 * Strict by choice: MAIL before EHLO/HELO is refused, as Postfix does with smtpd_helo_required=yes (sheet §2.1).
 */
import { SMTP } from './replies.ts';

/** What the rules depend on, all kept in the machine's context. */
export interface SequenceFacts {
  /** EHLO or HELO was accepted (and not forgotten by STARTTLS). */
  greeted: boolean;
  /** MAIL was accepted and the transaction is open. */
  inTransaction: boolean;
  /** At least one RCPT was accepted in the open transaction. */
  hasRecipients: boolean;
  tls: boolean;
  user: string | undefined;
  role: 'relay' | 'submission' | 'access';
}

/** Commands the server recognises but does not implement: 502, never advertised (RFC 5321 §4.2.4). */
export const UNIMPLEMENTED_VERBS: readonly string[] = ['EXPN', 'TURN', 'ETRN', 'BDAT', 'SEND', 'SOML', 'SAML'];

/** The refusal for `verb` now, or undefined when the dialogue allows it (its arguments are checked later). */
export function sequenceError(verb: string, f: SequenceFacts): string | undefined {
  const submission = f.role !== 'relay';
  switch (verb) {
    case 'STARTTLS':
      if (f.tls) return SMTP.tlsActive;
      return f.inTransaction ? SMTP.inTransaction : undefined;
    case 'AUTH':
      if (!submission) return SMTP.authNotEnabled;
      if (!f.tls) return SMTP.startTlsFirst;
      if (!f.greeted) return SMTP.heloFirst;
      // RFC 4954 §4: no AUTH inside a transaction, and only one successful AUTH per session.
      if (f.inTransaction) return SMTP.inTransaction;
      return f.user === undefined ? undefined : SMTP.alreadyAuthenticated;
    case 'MAIL':
      if (submission && !f.tls) return SMTP.startTlsFirst;
      if (!f.greeted) return SMTP.heloFirst;
      if (submission && f.user === undefined) return SMTP.authRequired;
      return f.inTransaction ? SMTP.nestedMail : undefined;
    case 'RCPT':
      return f.inTransaction ? undefined : SMTP.needMail;
    case 'DATA':
      if (!f.inTransaction) return SMTP.needRcpt;
      return f.hasRecipients ? undefined : SMTP.noValidRecipients;
    default:
      return UNIMPLEMENTED_VERBS.includes(verb) ? SMTP.notImplemented : undefined;
  }
}
