/**
 * Exchange Online on IMAP, POP3 and SMTP submission: the greetings and capability lists Microsoft's servers give,
 * XOAUTH2 checked against the world's identity platform (xoauth2-replies.ts), and Basic authentication refused on
 * the data file's dates. The wire text follows Microsoft's "Authenticate an IMAP, POP or SMTP connection using
 * OAuth" and captures of outlook.office365.com / smtp.office365.com quoted in public issues (cited per line).
 */
import { exchangeFacts } from '../../data/exchange.ts';
import { multiline } from '../smtp/format.ts';
import type { MailPersonality, PersonalityProtocol } from '../shared/personality.ts';
import { encodeBase64 } from '../shared/sasl.ts';
import type { LineProtocolName } from '../registry.ts';
import type { MailWorld } from '../shared/world.ts';
import { xoauth2Message } from '../shared/xoauth2.ts';
import { MAIL_APP_ID } from './identity/apps.ts';
import { EXCHANGE_RESOURCE } from './identity/scopes.ts';
import { identityOf } from './identity-of.ts';
import { dayStart } from './policy.ts';
import { basicAuthRefusal, checkXoauth2 } from './xoauth2-replies.ts';

/** The front-end server that answers in the simulation (real ones look like SN2PR00CA0018.namprd00.prod.outlook.com). */
export const ONLINE_MAIL_HOST = 'SN2PR00CA0018.namprd00.prod.outlook.test';

/**
 * The bracketed blob Exchange ends its IMAP and POP3 greetings with: the answering server's name in UTF-16LE,
 * base64 ("[TQBSADEAUAAy…]" decodes to "MR1P264CA0146.FRAP264.PROD.OUTLOOK.COM" in simonrob/email-oauth2-proxy#68).
 */
export function serverBlob(host: string): string {
  return encodeBase64([...host.toUpperCase()].map((c) => `${c}\0`).join(''));
}

/**
 * IMAP capabilities as outlook.office365.com:993 lists them before and after login (a capture in
 * Cocoanetics/SwiftMail#109; the same line in jstedfast/MailKit#178 and reference §5.7). On 143 before STARTTLS
 * Exchange offers STARTTLS and LOGINDISABLED in place of the AUTH= mechanisms (RFC 3501 §6.2.1).
 */
function imapCapabilities(tls: boolean): string {
  const auth = tls ? ['AUTH=PLAIN', 'AUTH=XOAUTH2'] : ['LOGINDISABLED', 'STARTTLS'];
  return ['IMAP4', 'IMAP4rev1', ...auth, 'SASL-IR', 'UIDPLUS', 'MOVE', 'ID', 'UNSELECT', 'CHILDREN', 'IDLE', 'NAMESPACE', 'LITERAL+'].join(' ');
}

/**
 * POP3 CAPA: before TLS on 110 only TOP, UIDL and STLS (IndySockets/Indy#192); inside TLS USER and
 * SASL PLAIN XOAUTH2 (Microsoft's OAuth page: POP takes AUTH XOAUTH2). After login CAPA lists TOP and UIDL.
 */
function pop3Capabilities(tls: boolean, loggedIn: boolean): string[] {
  if (loggedIn) return ['TOP', 'UIDL'];
  return tls ? ['TOP', 'UIDL', 'SASL PLAIN XOAUTH2', 'USER'] : ['TOP', 'UIDL', 'STLS'];
}

/**
 * The EHLO of smtp.office365.com:587 (simonrob/email-oauth2-proxy#95): "Hello [address]", SIZE, PIPELINING,
 * DSN, ENHANCEDSTATUSCODES, STARTTLS (after TLS: AUTH LOGIN XOAUTH2), 8BITMIME, BINARYMIME, CHUNKING, SMTPUTF8.
 * DSN, BINARYMIME, CHUNKING and SMTPUTF8 are left out: the simulated engine does not implement them, and a server
 * never advertises what would then fail (RFC 5321 §4.2.4). SIZE is the world's limit, which the engine enforces.
 */
function smtpEhlo(tls: boolean, clientAddress: string, sizeLimit: number): string[] {
  const lines = [`${ONLINE_MAIL_HOST} Hello [${clientAddress}]`, `SIZE ${sizeLimit}`, 'PIPELINING', 'ENHANCEDSTATUSCODES', tls ? 'AUTH LOGIN XOAUTH2' : 'STARTTLS', '8BITMIME'];
  return multiline(250, undefined, lines);
}

/** The day the legacy-TLS block for POP3 and IMAP4 starts, from the data file (its rollout's first day). */
function legacyTlsBlockedFrom(): number | undefined {
  const event = exchangeFacts.events.find((e) => e.id === 'legacy-tls-pop-imap-online');
  return event ? dayStart(event.date) : undefined;
}

/** RFC 5322-style date as Exchange writes it in its SMTP greeting ("Wed, 9 Nov 2022 10:09:41 +0000"). */
function greetingDate(d: Date): string {
  return d.toUTCString().replace(/ GMT$/, ' +0000').replace(/, 0(\d)/, ', $1');
}

/** Exchange Online's personality for one session opened on `world` now. */
export function exchangeOnlineMail(world: MailWorld): MailPersonality {
  const tokens = identityOf(world).authorizer;
  const now = () => world.clock.peek();
  return {
    id: 'exchange-online',
    imap: {
      greeting: `* OK The Microsoft Exchange IMAP4 service is ready. [${serverBlob(ONLINE_MAIL_HOST)}]`,
      capabilities: (tls) => imapCapabilities(tls),
      loggedIn: (command) => `OK ${command} completed.`,
      loginFailed: (command) => `NO ${command} failed.`,
    },
    pop3: {
      greeting: `+OK The Microsoft Exchange POP3 service is ready. [${serverBlob(ONLINE_MAIL_HOST)}]`,
      capabilities: pop3Capabilities,
      mechanisms: ['PLAIN', 'XOAUTH2'],
      loggedIn: '+OK User successfully authenticated.',
      loginFailed: '-ERR Logon failure: unknown user name or bad password.',
    },
    smtp: {
      greeting: `220 ${ONLINE_MAIL_HOST} Microsoft ESMTP MAIL Service ready at ${greetingDate(now())}`,
      ehlo: smtpEhlo,
      mechanisms: ['LOGIN', 'XOAUTH2'],
      // Exchange answers a mechanism it does not offer with 504 5.7.4 (seen for AUTH PLAIN on smtp.office365.com).
      unknownMechanism: '504 5.7.4 Unrecognized authentication type',
      loginFailed: `535 5.7.3 Authentication unsuccessful [${ONLINE_MAIL_HOST}]`,
      // MAIL without AUTH, as captured from smtp.office365.com (reference §5.7).
      authRequired: '530 5.7.57 Client not authenticated to send mail.',
      // A whole bearer token rides in AUTH XOAUTH2's initial response (nodemailer and smtplib send it on one line),
      // which Exchange Online reads; the SASL line limit bounds it (RFC 4954 §4 leaves the limit to the server).
      commandLineOctets: 12288,
    },
    xoauth2(protocol, message, at = {}) {
      const out = checkXoauth2(world, tokens, protocol, message, { tag: at.tag, host: ONLINE_MAIL_HOST });
      return out.ok ? { ok: true, user: out.user.name, reply: out.reply } : { ok: false, why: out.why, reply: out.reply };
    },
    basicRefusal(protocol, command, at = {}) {
      return basicAuthRefusal(protocol, command, now(), { tag: at.tag });
    },
    xoauth2For(user, permission) {
      const mailbox = world.localRecipient(user) ?? world.user(user);
      if (!mailbox) throw new RangeError(`no user "${user}" in this world`);
      const lifetimeSeconds = exchangeFacts.identityLifetimes.accessTokenSeconds;
      const issued = tokens.issue({ user: mailbox, appId: MAIL_APP_ID, audience: EXCHANGE_RESOURCE, scopes: [permission], lifetimeSeconds });
      return xoauth2Message(mailbox.address, issued.token);
    },
    refusesLegacyTls(protocol: LineProtocolName) {
      const from = legacyTlsBlockedFrom();
      // The block covers POP3 and IMAP4 only (the data file's legacy-TLS event); SMTP submission keeps its own plan.
      return (protocol === 'imap' || protocol === 'pop3') && from !== undefined && now().getTime() >= from;
    },
  };
}
