/** How the facts files write their sources, and the official documents they cite more than once. */
import type { Source } from './schema-base.ts';

/** An RFC, optionally one section of it. */
export const rfc = (n: number, section?: string): Source =>
  section === undefined ? { kind: 'rfc', rfc: n } : { kind: 'rfc', rfc: n, section };
/** The IANA port registry's entry for a port. */
export const iana = (port: number): Source => ({ kind: 'iana', port });
/** An official document with its title and https address. */
export const doc = (title: string, url: string): Source => ({ kind: 'doc', title, url });

/** Checked against ../shared/reference/email-protocols.md and the RFC text it quotes. */
export const V = '2026-11-21';
/** Corrected and added for issue 9, checked against the same sheet's §1–4, §5.7 and §7 (December 2026). */
export const V2 = '2026-12-07';

/** Exchange Server's ports, including 80 (calendar publishing, the OWA redirect, the Autodiscover fallback). */
export const exchangePorts = doc(
  'Network ports for clients and mail flow in Exchange',
  'https://learn.microsoft.com/en-us/exchange/plan-and-deploy/deployment-ref/network-ports',
);
/** What Exchange Server is made of. */
export const exchangeArchitecture = doc(
  'Exchange Server architecture',
  'https://learn.microsoft.com/en-us/exchange/architecture/architecture',
);
/** EWS in Exchange Online: disabled from October 2026, fully off in April 2027 (sheet §5.6–5.7). */
export const ewsDeprecation = doc(
  'Deprecation of Exchange Web Services in Exchange Online',
  'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-ews-exchange-online',
);
/** EWSEnabled and the EwsAllowedAppIDs allow list (sheet §5.7). */
export const ewsAccess = doc(
  'Control access to EWS in Exchange',
  'https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-control-access-to-ews-in-exchange',
);
/** Microsoft Graph's mail API works on Exchange Online (Microsoft 365) mailboxes. */
export const graphMail = doc(
  'Use the Outlook mail REST API',
  'https://learn.microsoft.com/en-us/graph/api/resources/mail-api-overview',
);
/** Graph change notifications for mail. */
export const graphNotifications = doc(
  'Change notifications for Outlook resources in Microsoft Graph',
  'https://learn.microsoft.com/en-us/graph/outlook-change-notifications-overview',
);
/** ActiveSync's Ping command. */
export const activeSyncPing = doc(
  '[MS-ASCMD]: Exchange ActiveSync Command Reference Protocol',
  'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-ascmd/',
);
/** Classic Outlook's offline copy. */
export const cachedMode = doc('Cached Exchange Mode', 'https://learn.microsoft.com/en-us/exchange/outlook/cached-exchange-mode');
/** Autodiscover's MAPI over HTTP settings. */
export const mapiMailStore = doc(
  'MailStore (POX)',
  'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/mailstore-pox',
);
/** A sending service that documents 2525 as a fallback. */
export const sendGridPorts = doc(
  'Twilio SendGrid: Integrating with the SMTP API (SMTP ports)',
  'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
);
/** RFC 5321 §2.3.3: SMTP moves mail between agents; reading it is another protocol's job. */
export const smtpOnlyTransfers = [rfc(5321, '2.3.3')];
/** Servers must be able to refuse plaintext logins; RFC 8314 recommends it (sheet §1.1, §7 #19). */
export const loginAfterTls = [rfc(2595, '2.3'), rfc(3501, '6.2.3'), rfc(9051, '6.2.3'), rfc(3207, '4'), rfc(8314, '4.1')];
