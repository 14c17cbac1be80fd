/** Everyday Exchange situations the quiz asks about; their answers are ports whose descriptions name the protocol. */
import { longDate } from './dates.ts';
import { exchangeFacts } from './exchange.ts';
import type { Situation } from './schema.ts';
import { V2, activeSyncPing, exchangePorts, graphMail } from './sources.ts';

const ews = exchangeFacts.ewsOnline;

/** The Exchange situations, after the general ones. */
export const exchangeSituations: Situation[] = [
  {
    id: 'new-app-exchange-online',
    prompt: 'You are writing a new app that reads and sends mail in Exchange Online mailboxes. Which API does Microsoft point new apps to?',
    answer: { kind: 'port', port: 443, via: 'Microsoft Graph' },
    distractors: [
      { kind: 'literal', label: 'Exchange Web Services (SOAP over HTTPS)' },
      { kind: 'literal', label: 'MAPI over HTTP, as classic Outlook uses' },
    ],
    explanation: `Microsoft Graph is the API for new apps on Exchange Online, over HTTPS. From ${longDate(ews.blockedUnlessAllowListedFrom)} EWS in Exchange Online is blocked unless allow-listed, and on ${longDate(ews.shutdown)} it shuts down; MAPI over HTTP is classic Outlook’s own protocol.`,
    lessons: ['exchange'],
    sources: [graphMail, ...ews.sources],
    lastVerified: V2,
  },
  {
    id: 'phone-exchange-account',
    prompt: 'You add your work mailbox to a phone’s built-in mail app as an Exchange account, and new mail shows up at once. What does the app speak?',
    answer: { kind: 'port', port: 443, via: 'ActiveSync' },
    distractors: [
      { kind: 'literal', label: 'POP3, checking for mail every few minutes' },
      { kind: 'literal', label: 'SMTP, which the server uses to push mail to the phone' },
    ],
    explanation: `An Exchange account in a phone’s built-in mail app speaks Exchange ActiveSync, inside HTTPS on port 443; its Ping command waits for changes, so new mail arrives without the phone asking again and again. SMTP only carries mail towards a mailbox, and POP3 has no push.`,
    lessons: ['exchange'],
    sources: [activeSyncPing, exchangePorts],
    lastVerified: V2,
  },
];
