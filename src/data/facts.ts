/**
 * The protocol facts, assembled: protocols and ports (ports.ts), comparison rows, terms and situations (here), general
 * myths (myths.ts), causes and troubles (troubles.ts). The tables, the quiz and the lessons read them; nothing else
 * states these facts. To correct a fact: change it where it is, fix its source, set lastVerified.
 */
import { myths } from './myths.ts';
import { ports, protocols } from './ports.ts';
import type { Facts } from './schema.ts';
import {
  V,
  V2,
  activeSyncPing,
  cachedMode,
  doc,
  ewsDeprecation,
  exchangeArchitecture,
  exchangePorts,
  graphMail,
  graphNotifications,
  loginAfterTls,
  mapiMailStore,
  rfc,
  smtpOnlyTransfers,
} from './sources.ts';
import { exchangeSituations } from './situations-exchange.ts';
import { causes, troubles } from './troubles.ts';

/** Every fact of the course, validated by `factsSchema` in ./index.ts. */
export const facts: Facts = {
  protocols,
  ports,

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
        imap: { support: 'info', text: 'On the server; devices keep copies', sources: [rfc(9051, '6.4.5'), rfc(3501, '6.4.5')], lastVerified: V2 },
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
        pop3: {
          support: 'partial',
          text: 'Until the client deletes it (DELE, then QUIT) or the server’s own policy does; “leave on server” skips DELE',
          sources: [rfc(1939, '5'), rfc(1939, '6'), rfc(1939, '8'), rfc(2449, '6.7')],
          lastVerified: V2,
        },
        imap: { support: 'yes', text: 'Yes, until expunged', sources: [rfc(9051, '6.4.3'), rfc(3501, '6.4.3')], lastVerified: V2 },
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
        imap: { support: 'yes', text: 'Yes, all see one mailbox', sources: [rfc(9051, '5.2'), rfc(3501, '5.2')], lastVerified: V2 },
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
        imap: { support: 'yes', text: 'Yes (CREATE, LIST, special-use folders)', sources: [rfc(9051, '6.3.4'), rfc(3501, '6.3.3'), rfc(6154, '2')], lastVerified: V2 },
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
        imap: { support: 'yes', text: 'Yes (\\Seen, \\Flagged, keywords)', sources: [rfc(9051, '2.3.2'), rfc(3501, '2.3.2')], lastVerified: V2 },
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
        imap: { support: 'yes', text: 'Yes (SEARCH)', sources: [rfc(9051, '6.4.4'), rfc(3501, '6.4.4')], lastVerified: V2 },
        exchange: {
          support: 'yes',
          text: 'Yes: Graph $search in Exchange Online; EWS FindItem on-premises (in Exchange Online blocked unless allow-listed, gone in April 2027)',
          sources: [doc('Use the $search query parameter (Microsoft Graph)', 'https://learn.microsoft.com/en-us/graph/search-query-parameter'), ewsDeprecation],
          lastVerified: V2,
        },
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
        imap: {
          support: 'partial',
          text: 'IDLE, one mailbox at a time; otherwise polling',
          sources: [rfc(2177, '3'), rfc(9051, '6.3.13'), rfc(3501, '5.3')],
          lastVerified: V2,
        },
        exchange: { support: 'yes', text: 'ActiveSync Ping; Graph change notifications (Exchange Online)', sources: [activeSyncPing, graphNotifications], lastVerified: V2 },
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
        exchange: { support: 'partial', text: 'Classic Outlook’s Cached Exchange Mode', sources: [cachedMode], lastVerified: V2 },
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

  myths,

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
      definition:
        'Web protocols. Exchange’s clients, JMAP and, for Exchange Online, Microsoft Graph work over HTTPS. Exchange Server uses plain HTTP on port 80 for calendar publishing and redirects only: no mail protocol and, by design, no credentials.',
      sources: [exchangePorts, rfc(8620, '1'), graphMail],
      lastVerified: V2,
    },
  },
  security: {
    plaintext: {
      definition: 'Nothing is encrypted: anyone on the path can read the session, passwords included.',
      sources: [rfc(8314, '1')],
      lastVerified: V,
    },
    starttls: {
      definition:
        'The session starts in plaintext; the client sends STARTTLS (STLS in POP3), and after the server’s go-ahead a TLS handshake runs on the same connection. Whether the server insists on it before a login is a separate matter, shown beside the mode.',
      sources: [rfc(3207, '4'), rfc(2595, '4'), rfc(9051, '6.2.1'), rfc(3501, '6.2.1')],
      lastVerified: V2,
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

  // On a STARTTLS port: who decides whether TLS comes before a login (the Security column's second line).
  tlsBeforeLogin: {
    opportunistic: {
      definition:
        'Relay between servers: the sender upgrades with STARTTLS when the receiving server offers it and goes on in plaintext otherwise. A publicly referenced MX must not require TLS, or mail from servers without it could not be delivered.',
      sources: [rfc(3207, '4')],
      lastVerified: V2,
    },
    configuration: {
      definition:
        'Whether the server refuses a login before TLS is its configuration. Every server must be able to refuse plaintext logins and RFC 8314 recommends doing so; well-configured servers, such as Dovecot by default, do, and so do Mailwire’s simulated servers.',
      sources: loginAfterTls,
      lastVerified: V2,
    },
  },

  causes,
  troubles,

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
      lessons: ['smtp', 'ports', 'troubleshooting'],
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
      lessons: ['pop3-or-imap', 'imap'],
      sources: [rfc(9051, '2.3.2'), rfc(3501, '2.3.2'), rfc(3501, '6.3.3'), rfc(1939, '1')],
      lastVerified: V2,
    },
    {
      id: 'outlook-exchange-online',
      prompt: 'Classic Outlook for Windows opens an Exchange Online mailbox set up as an Exchange account. What does it speak?',
      answer: { kind: 'port', port: 443, via: 'MAPI over HTTP' },
      // No port Exchange really serves is offered as wrong: Exchange Online also offers IMAP on 993 and SMTP on 587.
      distractors: [
        { kind: 'literal', label: 'RPC over TCP on port 135' },
        { kind: 'literal', label: 'IMAP and SMTP, like any other mail account' },
      ],
      explanation:
        'Classic Outlook for Windows speaks MAPI over HTTP, inside HTTPS on port 443: Exchange lists MAPI over HTTP among its services on 443, and Exchange Online’s Autodiscover gives MAPI over HTTP clients their mailbox’s address. RPC over TCP has not been supported since Exchange 2013, and the new Outlook for Windows does not use MAPI at all.',
      lessons: ['exchange'],
      sources: [exchangePorts, mapiMailStore],
      lastVerified: V2,
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
      lessons: ['travel', 'smtp'],
      sources: [rfc(5321, '5.1'), rfc(5321, '4.5.4.2'), rfc(6409, '3.1')],
      lastVerified: V,
    },
    ...exchangeSituations,
  ],
};
