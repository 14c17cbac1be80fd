/**
 * The one file of protocol facts. The comparison table, the port table, the quiz and the lessons read it;
 * nothing else states these facts. To correct a fact: change it here, fix its source, set lastVerified.
 */
import type { Facts, Source } from './schema.ts';

const rfc = (n: number, section?: string): Source =>
  section === undefined ? { kind: 'rfc', rfc: n } : { kind: 'rfc', rfc: n, section };
const iana = (port: number): Source => ({ kind: 'iana', port });
const doc = (title: string, url: string): Source => ({ kind: 'doc', title, url });

/** Checked against ../shared/reference/email-protocols.md and the RFC text it quotes. */
const V = '2026-11-21';

const exchangePorts = doc(
  'Network ports for clients and mail flow in Exchange',
  'https://learn.microsoft.com/en-us/exchange/plan-and-deploy/deployment-ref/network-ports',
);
const exchangeArchitecture = doc(
  'Exchange Server architecture',
  'https://learn.microsoft.com/en-us/exchange/architecture/architecture',
);
const graphNotifications = doc(
  'Change notifications for Outlook resources in Microsoft Graph',
  'https://learn.microsoft.com/en-us/graph/outlook-change-notifications-overview',
);
const activeSyncPing = doc(
  '[MS-ASCMD]: Exchange ActiveSync Command Reference Protocol',
  'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-ascmd/',
);
const cachedMode = doc(
  'Cached Exchange Mode',
  'https://learn.microsoft.com/en-us/exchange/outlook/cached-exchange-mode',
);
const mapiMailStore = doc(
  'MailStore (POX)',
  'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/mailstore-pox',
);
const sendGridPorts = doc(
  'Twilio SendGrid: Integrating with the SMTP API (SMTP ports)',
  'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
);
/** RFC 5321 §2.3.3: SMTP moves mail between agents; reading it is another protocol's job. */
const smtpOnlyTransfers = [rfc(5321, '2.3.3')];

/** Every fact of the course, validated by `factsSchema` in ./index.ts. */
export const facts: Facts = {
  protocols: [
    {
      id: 'smtp-relay',
      name: 'SMTP relay',
      summary: 'Server-to-server SMTP: a mail server hands a message to the MX of the recipient’s domain.',
      sources: [rfc(5321, '2.3.3'), rfc(5321, '5.1')],
      lastVerified: V,
    },
    {
      id: 'smtp-submission',
      name: 'SMTP submission',
      summary: 'A mail program hands a new message, after logging in, to its provider’s submission server.',
      sources: [rfc(6409, '1'), rfc(8314, '3.3')],
      lastVerified: V,
    },
    {
      id: 'pop3',
      name: 'POP3',
      summary: 'Downloads the messages of one maildrop (the inbox); deletes only what the client marks.',
      sources: [rfc(1939, '1'), rfc(1939, '6')],
      lastVerified: V,
    },
    {
      id: 'imap',
      name: 'IMAP',
      summary: 'Works on mailboxes kept on the server: folders, flags and search, shared by every device.',
      sources: [rfc(9051), rfc(3501)],
      lastVerified: V,
    },
    {
      id: 'exchange',
      name: 'Exchange',
      summary: 'Microsoft’s mail server and service; clients reach it over HTTPS (MAPI over HTTP, EWS, ActiveSync, Graph).',
      sources: [exchangePorts],
      lastVerified: V,
    },
    {
      id: 'jmap',
      name: 'JMAP',
      summary: 'The modern open alternative: mail access and sending as JSON over HTTPS.',
      sources: [rfc(8620, '1'), rfc(8621, '1')],
      lastVerified: V,
    },
  ],

  ports: [
    {
      port: 25,
      protocols: ['smtp-relay'],
      role: 'relay',
      ianaName: 'smtp',
      ianaRegisteredForRole: true,
      security: 'starttls-opportunistic',
      description: 'Mail servers deliver to each other here; TLS is used when both sides support STARTTLS.',
      governingRfcs: [5321, 3207],
      misconception: {
        myth: 'Mail programs send your mail on port 25, and port 25 is always unencrypted.',
        correction:
          'Port 25 is for relay between servers; mail programs submit on 587 or 465. Most servers offer STARTTLS on 25, but a public MX must not require it.',
      },
      sources: { role: [rfc(5321, '4.5.4.2'), rfc(6409, '1')], security: [rfc(3207, '4')], misconception: [rfc(6409, '1'), rfc(3207, '4')] },
      lastVerified: V,
    },
    {
      port: 587,
      protocols: ['smtp-submission'],
      role: 'submission',
      ianaName: 'submission',
      ianaRegisteredForRole: true,
      security: 'starttls-required',
      description: 'Mail programs submit here: plaintext at first, then STARTTLS before AUTH and MAIL.',
      governingRfcs: [6409, 3207, 4954],
      misconception: {
        myth: '587 is the SSL/TLS port.',
        correction:
          '587 starts in plaintext and upgrades with STARTTLS; the server refuses AUTH until then (530 5.7.0). Implicit TLS for submission is port 465.',
      },
      sources: { role: [rfc(6409, '3.1')], security: [rfc(3207, '4'), rfc(6409, '4.3')], misconception: [rfc(3207, '4'), rfc(8314, '3.3')] },
      lastVerified: V,
    },
    {
      port: 465,
      protocols: ['smtp-submission'],
      role: 'submission',
      ianaName: 'submissions',
      ianaRegisteredForRole: true,
      security: 'implicit-tls',
      description: 'Mail programs submit here over TLS from the first byte; RFC 8314 prefers it to 587.',
      governingRfcs: [8314, 6409],
      misconception: {
        myth: '465 is “SMTP over SSL” for sending between servers, and it is deprecated.',
        correction:
          '465 is “submissions”: a mail program submitting with implicit TLS, registered again by RFC 8314 in 2018. Servers relay only on 25, because an MX record carries no port.',
      },
      sources: { role: [rfc(8314, '3.3')], security: [rfc(8314, '3.3')], misconception: [rfc(8314, '7.3'), rfc(5321, '5.1')] },
      lastVerified: V,
    },
    {
      port: 2525,
      protocols: ['smtp-submission'],
      role: 'submission',
      ianaName: 'ms-v-worlds',
      ianaRegisteredForRole: false,
      security: 'starttls-opportunistic',
      description: 'Some sending services accept submission here as a fallback when 25 and 587 are blocked.',
      governingRfcs: [6409],
      misconception: {
        myth: '2525 is a standard SMTP port.',
        correction:
          'IANA registers 2525 to “ms-v-worlds”, not to mail. Using it for submission is a vendor convention only.',
      },
      sources: { role: [sendGridPorts], security: [sendGridPorts], misconception: [iana(2525)] },
      lastVerified: V,
    },
    {
      port: 110,
      protocols: ['pop3'],
      role: 'access',
      ianaName: 'pop3',
      ianaRegisteredForRole: true,
      security: 'starttls-required',
      description: 'POP3 in plaintext at first; STLS upgrades it, and servers refuse a password before TLS.',
      governingRfcs: [1939, 2595, 8314],
      misconception: {
        myth: 'Port 110 is insecure by definition.',
        correction:
          'POP3 on 110 upgrades with STLS, and servers such as Dovecot refuse plaintext logins before it. RFC 8314 still prefers 995.',
      },
      sources: { role: [rfc(1939, '3')], security: [rfc(2595, '4')], misconception: [rfc(2595, '4'), rfc(8314, '3.1')] },
      lastVerified: V,
    },
    {
      port: 995,
      protocols: ['pop3'],
      role: 'access',
      ianaName: 'pop3s',
      ianaRegisteredForRole: true,
      security: 'implicit-tls',
      description: 'POP3 over TLS from the first byte.',
      governingRfcs: [8314, 1939],
      misconception: {
        myth: 'Separate TLS ports such as 995 are discouraged.',
        correction: 'RFC 2595 once discouraged them; RFC 8314 reversed that and prefers implicit TLS on 995.',
      },
      sources: { role: [rfc(8314, '3.1')], security: [rfc(8314, '3.1')], misconception: [rfc(2595, '7'), rfc(8314, '3.1')] },
      lastVerified: V,
    },
    {
      port: 143,
      protocols: ['imap'],
      role: 'access',
      ianaName: 'imap',
      ianaRegisteredForRole: true,
      security: 'starttls-required',
      description: 'IMAP in plaintext at first; STARTTLS upgrades it, and LOGIN is refused before TLS.',
      governingRfcs: [9051, 3501, 8314],
      misconception: {
        myth: 'Port 143 is insecure by definition.',
        correction:
          'IMAP on 143 upgrades with STARTTLS; until then servers advertise LOGINDISABLED and answer LOGIN with NO [PRIVACYREQUIRED]. RFC 8314 prefers 993.',
      },
      sources: { role: [rfc(3501, '2.1')], security: [rfc(3501, '6.2.1')], misconception: [rfc(3501, '6.2.1'), rfc(8314, '3.2')] },
      lastVerified: V,
    },
    {
      port: 993,
      protocols: ['imap'],
      role: 'access',
      ianaName: 'imaps',
      ianaRegisteredForRole: true,
      security: 'implicit-tls',
      description: 'IMAP over TLS from the first byte; RFC 8314 prefers it to 143.',
      governingRfcs: [8314, 9051],
      misconception: {
        myth: 'STARTTLS on 143 and TLS on 993 are the same thing.',
        correction:
          'On 993 TLS comes first; on 143 the session starts in plaintext and an attacker can strip a STARTTLS the client does not insist on.',
      },
      sources: { role: [rfc(8314, '3.2')], security: [rfc(8314, '3.2')], misconception: [rfc(8314, '1')] },
      lastVerified: V,
    },
    {
      port: 80,
      protocols: ['exchange'],
      role: 'http',
      ianaName: 'http',
      ianaRegisteredForRole: true,
      security: 'plaintext',
      description: 'Plain HTTP. For mail it only redirects: Exchange’s Autodiscover fallback and OWA go on to 443.',
      governingRfcs: [9110],
      misconception: {
        myth: 'Exchange uses port 80 for mail.',
        correction:
          'Port 80 carries only a redirect to HTTPS; no credentials and no mail protocol travel over it.',
      },
      sources: { role: [rfc(9110, '4.2.1'), exchangePorts], security: [rfc(9110, '4.2.1')], misconception: [exchangePorts] },
      lastVerified: V,
    },
    {
      port: 443,
      protocols: ['exchange', 'jmap'],
      role: 'http',
      ianaName: 'https',
      ianaRegisteredForRole: true,
      security: 'https',
      description:
        'HTTPS. Exchange clients (MAPI over HTTP, EWS, ActiveSync, Autodiscover, OWA), Microsoft Graph and JMAP all use it.',
      governingRfcs: [9110],
      misconception: {
        myth: 'Outlook talks to Exchange over IMAP and SMTP, or RPC on port 135.',
        correction:
          'Outlook for Windows uses MAPI over HTTP on 443; RPC over TCP is not supported since Exchange 2013.',
      },
      sources: { role: [exchangePorts, rfc(8620, '2')], security: [rfc(9110, '4.2.2')], misconception: [exchangePorts] },
      lastVerified: V,
    },
  ],

  features: [
    {
      id: 'purpose',
      label: 'Purpose',
      cells: {
        'smtp-relay': { support: 'info', text: 'Deliver mail from server to server', sources: [rfc(5321, '2.3.3')], lastVerified: V },
        'smtp-submission': { support: 'info', text: 'Send new mail from a mail program', sources: [rfc(6409, '1')], lastVerified: V },
        pop3: { support: 'info', text: 'Download mail from the inbox', sources: [rfc(1939, '1')], lastVerified: V },
        imap: { support: 'info', text: 'Read and manage mailboxes on the server', sources: [rfc(9051)], lastVerified: V },
        exchange: { support: 'info', text: 'Mail, calendar and contacts for organisations', sources: [exchangeArchitecture], lastVerified: V },
        jmap: { support: 'info', text: 'Read, manage and send mail as JSON over HTTPS', sources: [rfc(8621, '1')], lastVerified: V },
      },
    },
    {
      id: 'whereMailLives',
      label: 'Where mail lives',
      cells: {
        'smtp-relay': { support: 'info', text: 'Only in transit, in a server’s queue', sources: [rfc(5321, '4.2.5'), rfc(5321, '4.5.4.1')], lastVerified: V },
        'smtp-submission': { support: 'info', text: 'Only in transit, until relayed', sources: [rfc(6409, '1'), rfc(5321, '4.2.5')], lastVerified: V },
        pop3: { support: 'info', text: 'Downloaded to each device', sources: [rfc(1939, '1')], lastVerified: V },
        imap: { support: 'info', text: 'On the server; devices keep copies', sources: [rfc(3501, '6.4.5'), rfc(9051)], lastVerified: V },
        exchange: { support: 'info', text: 'In the Exchange mailbox database', sources: [exchangeArchitecture], lastVerified: V },
        jmap: { support: 'info', text: 'On the server', sources: [rfc(8621, '1')], lastVerified: V },
      },
    },
    {
      id: 'staysOnServer',
      label: 'Mail stays on server',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'SMTP does not store mail', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'not-applicable', text: 'SMTP does not store mail', sources: smtpOnlyTransfers, lastVerified: V },
        pop3: { support: 'partial', text: 'Until the client sends DELE and QUIT; “leave on server” skips DELE', sources: [rfc(1939, '5'), rfc(1939, '6')], lastVerified: V },
        imap: { support: 'yes', text: 'Yes, until expunged', sources: [rfc(3501, '6.4.3')], lastVerified: V },
        exchange: { support: 'yes', text: 'Yes', sources: [exchangeArchitecture], lastVerified: V },
        jmap: { support: 'yes', text: 'Yes', sources: [rfc(8621, '1')], lastVerified: V },
      },
    },
    {
      id: 'multiDevice',
      label: 'Several devices',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'yes', text: 'Any device can send', sources: [rfc(6409, '1')], lastVerified: V },
        pop3: { support: 'partial', text: 'Each device gets its own copies; one session at a time', sources: [rfc(1939, '4'), rfc(2449, '8')], lastVerified: V },
        imap: { support: 'yes', text: 'Yes, all see one mailbox', sources: [rfc(3501, '5.2')], lastVerified: V },
        exchange: { support: 'yes', text: 'Yes (Outlook, ActiveSync phones, web)', sources: [exchangePorts], lastVerified: V },
        jmap: { support: 'yes', text: 'Yes, all see one mailbox', sources: [rfc(8620, '5.2')], lastVerified: V },
      },
    },
    {
      id: 'serverFolders',
      label: 'Folders on server',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        pop3: { support: 'no', text: 'No, the inbox only', sources: [rfc(1939, '1')], lastVerified: V },
        imap: { support: 'yes', text: 'Yes (CREATE, LIST, special-use folders)', sources: [rfc(3501, '6.3.3'), rfc(6154, '2')], lastVerified: V },
        exchange: { support: 'yes', text: 'Yes', sources: [exchangeArchitecture], lastVerified: V },
        jmap: { support: 'yes', text: 'Yes (Mailbox objects with roles)', sources: [rfc(8621, '2')], lastVerified: V },
      },
    },
    {
      id: 'flagsSynced',
      label: 'Read and flag state synced',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        pop3: { support: 'no', text: 'No server-side flags', sources: [rfc(1939, '5')], lastVerified: V },
        imap: { support: 'yes', text: 'Yes (\\Seen, \\Flagged, keywords)', sources: [rfc(3501, '2.3.2')], lastVerified: V },
        exchange: { support: 'yes', text: 'Yes', sources: [exchangeArchitecture], lastVerified: V },
        jmap: { support: 'yes', text: 'Yes ($seen, $flagged keywords)', sources: [rfc(8621, '4.1.1')], lastVerified: V },
      },
    },
    {
      id: 'serverSearch',
      label: 'Server-side search',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        pop3: { support: 'no', text: 'No', sources: [rfc(1939, '5')], lastVerified: V },
        imap: { support: 'yes', text: 'Yes (SEARCH)', sources: [rfc(3501, '6.4.4')], lastVerified: V },
        exchange: { support: 'yes', text: 'Yes (EWS FindItem, Graph $search)', sources: [doc('Use the $search query parameter (Microsoft Graph)', 'https://learn.microsoft.com/en-us/graph/search-query-parameter')], lastVerified: V },
        jmap: { support: 'yes', text: 'Yes (Email/query)', sources: [rfc(8621, '4.4')], lastVerified: V },
      },
    },
    {
      id: 'push',
      label: 'Push of new mail',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        pop3: { support: 'no', text: 'No, the client polls', sources: [rfc(1939, '3')], lastVerified: V },
        imap: { support: 'partial', text: 'IDLE, one mailbox at a time; otherwise polling', sources: [rfc(2177, '3'), rfc(3501, '5.2')], lastVerified: V },
        exchange: { support: 'yes', text: 'ActiveSync Ping, Graph change notifications', sources: [activeSyncPing, graphNotifications], lastVerified: V },
        jmap: { support: 'yes', text: 'EventSource or push subscriptions', sources: [rfc(8620, '7')], lastVerified: V },
      },
    },
    {
      id: 'offline',
      label: 'Offline use',
      cells: {
        'smtp-relay': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        'smtp-submission': { support: 'not-applicable', text: 'Not a reading protocol', sources: smtpOnlyTransfers, lastVerified: V },
        pop3: { support: 'yes', text: 'Yes, mail is downloaded', sources: [rfc(1939, '1')], lastVerified: V },
        imap: { support: 'partial', text: 'Cached copies; changes sync on reconnect', sources: [rfc(4549, '1')], lastVerified: V },
        exchange: { support: 'partial', text: 'Outlook’s Cached Exchange Mode', sources: [cachedMode], lastVerified: V },
        jmap: { support: 'partial', text: 'Cached copies; /changes syncs on reconnect', sources: [rfc(8620, '5.2')], lastVerified: V },
      },
    },
    {
      id: 'defaultPorts',
      label: 'Default ports',
      cells: {},
    },
    {
      id: 'bestFor',
      label: 'Best for',
      cells: {
        'smtp-relay': { support: 'info', text: 'Mail servers delivering to other domains', sources: [rfc(5321, '5.1')], lastVerified: V },
        'smtp-submission': { support: 'info', text: 'Every mail program that sends', sources: [rfc(6409, '1'), rfc(8314, '3.3')], lastVerified: V },
        pop3: { support: 'info', text: 'One device, little server storage', sources: [rfc(1939, '1')], lastVerified: V },
        imap: { support: 'info', text: 'Several devices on one mailbox', sources: [rfc(9051)], lastVerified: V },
        exchange: { support: 'info', text: 'Organisations on Microsoft 365 or Exchange Server', sources: [exchangeArchitecture], lastVerified: V },
        jmap: { support: 'info', text: 'Web and mobile apps; fewer round trips', sources: [rfc(8620, '1')], lastVerified: V },
      },
    },
  ],

  // Beliefs not tied to one port (reference §7); each port's own myth sits on the port as its misconception.
  myths: [
    {
      id: 'pop3-deletes',
      myth: 'POP3 always deletes mail from the server.',
      correction:
        'POP3 deletes only the messages the client marks with DELE, and only when the session ends with QUIT; a dropped connection deletes nothing. “Leave a copy on the server” simply never sends DELE.',
      sources: [rfc(1939, '6'), rfc(1939, '5')],
      lastVerified: V,
    },
    {
      id: 'starttls-unencrypted',
      myth: 'STARTTLS means the connection is not encrypted.',
      correction:
        'STARTTLS upgrades the connection: after the server’s go-ahead a TLS handshake runs on the same connection, and everything after it is encrypted. The weak point is the plaintext start, where an attacker can strip STARTTLS unless the client insists on TLS; that is why RFC 8314 prefers implicit TLS.',
      sources: [rfc(3207, '4'), rfc(3207, '6'), rfc(8314, '1')],
      lastVerified: V,
    },
    {
      id: 'imap-delete-immediate',
      myth: 'Deleting a message in IMAP removes it from the server at once.',
      correction:
        'In IMAP, deleting a message only sets its \\Deleted flag. The server removes flagged messages only when the client sends EXPUNGE (or CLOSE); until then the flag can be cleared again.',
      sources: [rfc(3501, '2.3.2'), rfc(3501, '6.4.3')],
      lastVerified: V,
    },
    {
      id: 'imap-push',
      myth: 'IMAP pushes new mail to your mail program by itself.',
      correction:
        'Without the IDLE extension an IMAP client has to ask, for example by sending NOOP now and then. With IDLE the server announces new mail at once, but in one mailbox at a time.',
      sources: [rfc(2177, '3'), rfc(3501, '6.1.2')],
      lastVerified: V,
    },
    {
      id: 'smtp-receives',
      myth: 'Your mail program uses SMTP to receive mail as well as to send it.',
      correction:
        'A mail program uses SMTP only to submit what it sends. It reads delivered mail with an access protocol: IMAP or POP3, or JMAP or Exchange’s own protocols.',
      sources: [rfc(6409, '2.1'), rfc(5321, '2.3.3')],
      lastVerified: V,
    },
    {
      id: 'pop3-many-devices',
      myth: 'POP3 works as well as IMAP when several devices read one mailbox.',
      correction:
        'A POP3 server may lock the maildrop to one session at a time, each device downloads its own copies, and POP3 keeps no read or flag state on the server for the devices to share. Several devices are what IMAP is for.',
      sources: [rfc(1939, '4'), rfc(2449, '8'), rfc(1939, '5')],
      lastVerified: V,
    },
  ],

  // What the port table's Role and Security columns mean; the labels themselves are in lookup.ts.
  roles: {
    relay: {
      definition: 'One mail server hands a message to the server of the recipient’s domain, which it finds through the domain’s MX record. Only servers relay.',
      sources: [rfc(5321, '5.1'), rfc(6409, '1')],
      lastVerified: V,
    },
    submission: {
      definition: 'Your mail program hands a new message to your provider’s submission server, after logging in; the provider relays it on.',
      sources: [rfc(6409, '1'), rfc(8314, '3.3')],
      lastVerified: V,
    },
    access: {
      definition: 'Your mail program reads the mail waiting in your mailbox, with POP3 or IMAP.',
      sources: [rfc(8314, '1'), rfc(1939, '1'), rfc(9051)],
      lastVerified: V,
    },
    http: {
      definition: 'Web protocols: Exchange’s clients, Microsoft Graph and JMAP work over HTTPS; plain HTTP on port 80 only redirects.',
      sources: [exchangePorts, rfc(8620, '1')],
      lastVerified: V,
    },
  },
  security: {
    plaintext: {
      definition: 'Nothing is encrypted: anyone on the path can read the session, passwords included.',
      sources: [rfc(8314, '1')],
      lastVerified: V,
    },
    'starttls-opportunistic': {
      definition: 'The session starts in plaintext. When the server offers STARTTLS and the client supports it, they upgrade to TLS; otherwise they go on in plaintext.',
      sources: [rfc(3207, '4')],
      lastVerified: V,
    },
    'starttls-required': {
      definition: 'The session starts in plaintext, and the server refuses to log anyone in until the client has upgraded to TLS with STARTTLS (STLS in POP3).',
      sources: [rfc(3501, '6.2.1'), rfc(2595, '4'), rfc(3207, '4')],
      lastVerified: V,
    },
    'implicit-tls': {
      definition: 'TLS starts as soon as the connection opens, before the first byte of the mail protocol, so nothing travels in plaintext.',
      sources: [rfc(8314, '3')],
      lastVerified: V,
    },
    https: {
      definition: 'HTTP inside TLS: encrypted from the first byte, like implicit TLS.',
      sources: [rfc(9110, '4.2.2')],
      lastVerified: V,
    },
  },

  // Everyday situations, answered by reference to the ports and the comparison table above.
  situations: [
    {
      id: 'port-25-blocked',
      prompt: 'Your network blocks outgoing connections to port 25. How does your mail program still send mail?',
      answer: { kind: 'role', role: 'submission' },
      distractors: [
        { kind: 'role', role: 'relay' },
        { kind: 'protocol', protocol: 'imap' },
        { kind: 'protocol', protocol: 'pop3' },
      ],
      explanation:
        'Port 25 is for servers relaying to each other; a mail program does not need it. It submits new mail to its provider’s submission server, on port 587 (STARTTLS) or 465 (implicit TLS), and logs in there; the provider’s servers relay the message on.',
      sources: [rfc(6409, '1'), rfc(6409, '3.1'), rfc(8314, '3.3')],
      lastVerified: V,
    },
    {
      id: 'phone-and-laptop',
      prompt:
        'You read the same mailbox on a phone and a laptop and want read/unread state and folders to match. Which protocol should both use?',
      answer: { kind: 'feature', features: ['flagsSynced', 'serverFolders'], among: ['pop3', 'imap', 'smtp-submission'] },
      explanation:
        'IMAP keeps folders and flags such as \\Seen on the server, so every device sees the same state. POP3 knows only the inbox and keeps no flags, and SMTP submission only sends.',
      sources: [rfc(3501, '2.3.2'), rfc(3501, '6.3.3'), rfc(1939, '1')],
      lastVerified: V,
    },
    {
      id: 'outlook-exchange-online',
      prompt: 'Outlook for Windows connects to Exchange Online. What does it speak?',
      answer: { kind: 'port', port: 443, via: 'MAPI over HTTP' },
      distractors: [
        { kind: 'protocol', protocol: 'imap' },
        { kind: 'literal', label: 'RPC over TCP on port 135' },
        { kind: 'port', port: 80 },
      ],
      explanation:
        'Outlook for Windows speaks MAPI over HTTP, inside HTTPS on port 443: Exchange lists MAPI over HTTP among its services on 443, and Exchange Online’s Autodiscover gives MAPI over HTTP clients their mailbox’s address. Port 80 only redirects to HTTPS.',
      sources: [exchangePorts, mapiMailStore],
      lastVerified: V,
    },
    {
      id: 'server-to-mx',
      prompt: 'Your mail server hands a message to the mail server (MX) of the recipient’s domain. How does it connect?',
      answer: { kind: 'role', role: 'relay' },
      distractors: [
        { kind: 'role', role: 'submission' },
        { kind: 'protocol', protocol: 'imap' },
      ],
      explanation:
        'Servers deliver to each other with SMTP relay: the sender looks up the domain’s MX host and connects to the SMTP port there, 25. Ports 587 and 465 are where mail programs submit new mail.',
      sources: [rfc(5321, '5.1'), rfc(5321, '4.5.4.2'), rfc(6409, '3.1')],
      lastVerified: V,
    },
  ],
};
