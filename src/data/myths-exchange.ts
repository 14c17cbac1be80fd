/**
 * Beliefs about Exchange that popular articles repeat (reference sheet §7 #20–22 and §5.7). Their dates and the
 * sentences about Basic authentication and EWS come from exchange.ts, so a myth's correction cannot disagree with
 * the lesson or the simulated Exchange. "Exchange uses port 80" and "Outlook talks to Exchange over IMAP" are the
 * misconceptions of ports 80 and 443 (ports.ts), not repeated here.
 */
import { longDate } from './dates.ts';
import { exchangeFacts } from './exchange.ts';
import type { Myth, Source } from './schema.ts';
import { V2, doc, exchangePorts, graphMail } from './sources.ts';

const offer = (deployment: 'server-se' | 'online', protocol: 'imap' | 'ews') => exchangeFacts.offers.find((o) => o.deployment === deployment && o.protocol === protocol)!;
const basic = (protocol: 'imap' | 'smtp-submission') => exchangeFacts.basicAuth.find((b) => b.deployment === 'online' && b.protocol === protocol)!;
const imapOff = basic('imap');
const smtp = basic('smtp-submission');
const ews = exchangeFacts.ewsOnline;
/** The Microsoft Learn pages among some sources: myths cite Microsoft's documentation, not its blog. */
const learnOnly = (sources: readonly Source[]): Source[] => sources.filter((x) => x.kind === 'doc' && x.url.startsWith('https://learn.microsoft.com/'));
const securityDefaults = doc('POP3 and IMAP4 in Exchange Online', 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4');

/** The Exchange myths, after the general ones. */
export const exchangeMyths: Myth[] = [
  {
    id: 'exchange-all-ports',
    myth: 'Every IMAP, POP3 and SMTP port works with Exchange.',
    correction:
      'Which mail ports Exchange answers on depends on the deployment and its configuration: Exchange Server SE has POP3 and IMAP4 turned off until an administrator starts their services, and for Exchange Online Microsoft publishes IMAP on 993, POP3 on 995 and SMTP submission on 587 (smtp.office365.com, with STARTTLS). Classic Outlook, and phones set up with an Exchange account, use none of them: they reach Exchange over HTTPS on port 443.',
    lessons: ['exchange'],
    sources: [...offer('server-se', 'imap').sources, securityDefaults, exchangePorts],
    lastVerified: V2,
  },
  {
    id: 'exchange-online-password',
    myth: 'A mail program can still log in to Exchange Online over IMAP or POP3 with a user name and password.',
    correction: `Exchange Online has refused Basic authentication (a user name and password) for IMAP and POP3 since ${longDate(imapOff.refusedFrom!)}: a mail program signs in on Microsoft’s sign-in page and logs in with the token it gets there, using the SASL mechanism XOAUTH2. Sending with SMTP AUTH was exempt from that change and has a timeline of its own.`,
    lessons: ['exchange'],
    sources: [...imapOff.sources, ...offer('online', 'imap').sources, ...learnOnly(smtp.sources)],
    lastVerified: V2,
  },
  {
    id: 'exchange-online-no-imap',
    myth: 'Exchange Online has switched IMAP and POP3 off.',
    correction:
      'Exchange Online offers IMAP and POP3 to every user by default; what it switched off is logging in with a password, so mail programs log in with OAuth 2.0 (XOAUTH2). An administrator can turn IMAP and POP3 off for a user, and organisations that use Microsoft’s security defaults have them off.',
    lessons: ['exchange'],
    sources: [securityDefaults, ...imapOff.sources],
    lastVerified: V2,
  },
  {
    id: 'ews-for-new-apps',
    myth: 'Exchange Web Services is the API to build a new app for Exchange Online.',
    correction: `Microsoft Graph is the API for new apps that work with Exchange Online mailboxes. From ${longDate(ews.blockedUnlessAllowListedFrom)} EWS in Exchange Online is blocked unless allow-listed (EWSEnabled, and the app’s ID in EwsAllowedAppIDs), and on ${longDate(ews.shutdown)} it shuts down for everyone; EWS on Exchange Server continues.`,
    lessons: ['exchange'],
    sources: [graphMail, ...learnOnly(ews.sources)],
    lastVerified: V2,
  },
];
