/** Where Exchange Online serves the line protocols, for the lab's listeners (a fact of Microsoft's service, kept with Exchange). */
import type { LineProtocolName } from '../registry.ts';

/**
 * The ports Exchange Online gives mail clients: IMAP 993 and POP3 995 with implicit TLS, SMTP submission 587
 * with STARTTLS (outlook.office365.com and smtp.office365.com; Microsoft's "POP3 and IMAP4 in Exchange Online").
 */
export const EXCHANGE_ONLINE_PORTS: ReadonlyArray<readonly [LineProtocolName, number]> = [
  ['imap', 993],
  ['pop3', 995],
  ['smtp', 587],
];
