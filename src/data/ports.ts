/**
 * The protocols and their ports: the part of the facts the browser's engine reads (session.ts asks a port's
 * security), kept apart from the myths, troubles and comparison so the browser downloads only this.
 */
import type { PortFact, Protocol } from './schema.ts';
import { V, V2, ewsAccess, ewsDeprecation, exchangePorts, graphMail, iana, rfc, sendGridPorts } from './sources.ts';

/** The protocols the course covers, in teaching order. */
export const protocols: Protocol[] = [
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
];

/** The ports, in the order the port table shows them. */
export const ports: PortFact[] = [
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
];
