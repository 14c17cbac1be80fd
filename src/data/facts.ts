/**
 * The one file of protocol facts. The comparison table, the port table, the quiz and the lessons read it;
 * nothing else states these facts. To correct a fact: change it here, fix its source, set lastVerified.
 */
import { myths } from './myths.ts';
import type { Facts } from './schema.ts';
import {
  V,
  V2,
  activeSyncPing,
  cachedMode,
  doc,
  ewsAccess,
  ewsDeprecation,
  exchangeArchitecture,
  exchangePorts,
  graphMail,
  graphNotifications,
  iana,
  loginAfterTls,
  mapiMailStore,
  rfc,
  sendGridPorts,
  smtpOnlyTransfers,
} from './sources.ts';
import { causes, troubles } from './troubles.ts';

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
      summary:
        'Downloads the messages of one maildrop (the inbox). The protocol deletes only what the client marks with DELE; a server may also delete by its own policy.',
      sources: [rfc(1939, '1'), rfc(1939, '6'), rfc(1939, '8'), rfc(2449, '6.7')],
      lastVerified: V2,
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
      summary:
        'Microsoft’s mail server and service. Classic Outlook for Windows reaches it with MAPI over HTTP and phones with ActiveSync, all over HTTPS. EWS in Exchange Online is blocked unless allow-listed (from 1 October 2026) and shuts down on 1 April 2027, while on-premises EWS continues; Microsoft Graph is for Exchange Online only.',
      sources: [exchangePorts, ewsDeprecation, ewsAccess, graphMail],
      lastVerified: V2,
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
      security: 'starttls',
      tlsBeforeLogin: 'opportunistic',
      description: 'Mail servers deliver to each other here; TLS is used when both sides support STARTTLS.',
      governingRfcs: [5321, 3207],
      misconception: {
        myth: 'Mail programs send your mail on port 25, and port 25 is always unencrypted.',
        correction:
          'Port 25 is for relay between servers; mail programs submit on 587 or 465. Most servers offer STARTTLS on 25, but a public MX must not require it.',
      },
      sources: {
        role: [rfc(5321, '4.5.4.2'), rfc(6409, '1')],
        security: [rfc(3207, '4')],
        misconception: [rfc(6409, '1'), rfc(3207, '4')],
        description: [rfc(5321, '4.5.4.2'), rfc(3207, '4')],
      },
      lastVerified: V2,
    },
    {
      port: 587,
      protocols: ['smtp-submission'],
      role: 'submission',
      ianaName: 'submission',
      ianaRegisteredForRole: true,
      security: 'starttls',
      tlsBeforeLogin: 'configuration',
      description:
        'Mail programs submit here: the session starts in plaintext and upgrades with STARTTLS, and a well-configured server accepts AUTH and MAIL only after that.',
      governingRfcs: [6409, 3207, 4954],
      misconception: {
        myth: '587 is the SSL/TLS port.',
        correction:
          '587 starts in plaintext and upgrades with STARTTLS; a well-configured server refuses AUTH until then (530 5.7.0). Implicit TLS for submission is port 465.',
      },
      sources: {
        role: [rfc(6409, '3.1')],
        security: [rfc(3207, '4'), rfc(6409, '4.3')],
        misconception: [rfc(3207, '4'), rfc(8314, '3.3')],
        description: [rfc(6409, '3.1'), rfc(3207, '4'), rfc(8314, '4.1')],
      },
      lastVerified: V2,
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
      sources: {
        role: [rfc(8314, '3.3')],
        security: [rfc(8314, '3.3')],
        misconception: [rfc(8314, '7.3'), rfc(5321, '5.1')],
        description: [rfc(8314, '3.3')],
      },
      lastVerified: V,
    },
    {
      port: 2525,
      protocols: ['smtp-submission'],
      role: 'submission',
      ianaName: 'ms-v-worlds',
      ianaRegisteredForRole: false,
      security: 'starttls',
      tlsBeforeLogin: 'configuration',
      description: 'Some sending services accept submission here as a fallback when 25 and 587 are blocked: a vendor convention, governed by no RFC.',
      governingRfcs: [],
      misconception: {
        myth: '2525 is a standard SMTP port.',
        correction:
          'IANA registers 2525 to “ms-v-worlds”, not to mail. Using it for submission is a vendor convention only.',
      },
      sources: { role: [sendGridPorts], security: [sendGridPorts], misconception: [iana(2525)], description: [sendGridPorts, iana(2525)] },
      lastVerified: V2,
    },
    {
      port: 110,
      protocols: ['pop3'],
      role: 'access',
      ianaName: 'pop3',
      ianaRegisteredForRole: true,
      security: 'starttls',
      tlsBeforeLogin: 'configuration',
      description: 'POP3 starts in plaintext here and STLS upgrades it; a well-configured server refuses a password before TLS.',
      governingRfcs: [1939, 2595, 8314],
      misconception: {
        myth: 'Port 110 is insecure by definition.',
        correction:
          'POP3 on 110 upgrades with STLS, and servers must be able to refuse plaintext logins before it; well-configured ones, such as Dovecot by default, do. RFC 8314 still prefers 995.',
      },
      sources: {
        role: [rfc(1939, '3')],
        security: [rfc(2595, '4')],
        misconception: [rfc(2595, '4'), rfc(2595, '2.3'), rfc(8314, '3.1')],
        description: [rfc(2595, '4'), rfc(2595, '2.3'), rfc(8314, '4.1')],
      },
      lastVerified: V2,
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
      sources: {
        role: [rfc(8314, '3.1')],
        security: [rfc(8314, '3.1')],
        misconception: [rfc(2595, '7'), rfc(8314, '3.1')],
        description: [rfc(8314, '3.1')],
      },
      lastVerified: V,
    },
    {
      port: 143,
      protocols: ['imap'],
      role: 'access',
      ianaName: 'imap',
      ianaRegisteredForRole: true,
      security: 'starttls',
      tlsBeforeLogin: 'configuration',
      description: 'IMAP starts in plaintext here and STARTTLS upgrades it; a well-configured server refuses LOGIN before TLS.',
      governingRfcs: [9051, 3501, 8314],
      misconception: {
        myth: 'Port 143 is insecure by definition.',
        correction:
          'IMAP on 143 upgrades with STARTTLS, and a well-configured server refuses a password until then: it advertises LOGINDISABLED and answers LOGIN with NO [PRIVACYREQUIRED]. RFC 8314 prefers 993.',
      },
      sources: {
        role: [rfc(9051, '2.1'), rfc(3501, '2.1')],
        security: [rfc(9051, '6.2.1'), rfc(3501, '6.2.1')],
        misconception: [rfc(9051, '6.2.3'), rfc(3501, '6.2.3'), rfc(8314, '3.2')],
        description: [rfc(9051, '6.2.1'), rfc(3501, '6.2.3'), rfc(8314, '4.1')],
      },
      lastVerified: V2,
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
      sources: {
        role: [rfc(8314, '3.2')],
        security: [rfc(8314, '3.2')],
        misconception: [rfc(8314, '1')],
        description: [rfc(8314, '3.2')],
      },
      lastVerified: V,
    },
    {
      port: 80,
      protocols: ['exchange'],
      role: 'http',
      ianaName: 'http',
      ianaRegisteredForRole: true,
      security: 'plaintext',
      description:
        'Plain HTTP. Exchange Server uses it for internet calendar publishing, to redirect Outlook on the web to HTTPS and as an Autodiscover redirect fallback; no mail protocol runs on it.',
      governingRfcs: [9110],
      misconception: {
        myth: 'Exchange uses port 80 for mail.',
        correction:
          'No mail protocol runs on port 80: Exchange Server uses it for calendar publishing, the redirect of Outlook on the web to HTTPS and the Autodiscover redirect fallback, and by design no credentials travel over it.',
      },
      sources: {
        role: [rfc(9110, '4.2.1'), exchangePorts],
        security: [rfc(9110, '4.2.1')],
        misconception: [exchangePorts],
        description: [exchangePorts, rfc(9110, '4.2.1')],
      },
      lastVerified: V2,
    },
    {
      port: 443,
      protocols: ['exchange', 'jmap'],
      role: 'http',
      ianaName: 'https',
      ianaRegisteredForRole: true,
      security: 'https',
      description:
        'HTTPS. Exchange’s clients use it (MAPI over HTTP for classic Outlook for Windows, ActiveSync, Autodiscover, Outlook on the web, and EWS, which Exchange Online blocks unless allow-listed from October 2026), as do Microsoft Graph, for Exchange Online, and JMAP.',
      governingRfcs: [9110],
      misconception: {
        myth: 'Outlook talks to Exchange over IMAP and SMTP, or RPC on port 135.',
        correction:
          'Classic Outlook for Windows uses MAPI over HTTP on 443, and RPC over TCP is not supported since Exchange 2013; the new Outlook for Windows does not use MAPI at all.',
      },
      sources: {
        role: [exchangePorts, rfc(8620, '2')],
        security: [rfc(9110, '4.2.2')],
        misconception: [exchangePorts],
        description: [exchangePorts, ewsDeprecation, graphMail, rfc(8620, '2')],
      },
      lastVerified: V2,
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
  ],
};
