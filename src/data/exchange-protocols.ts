/**
 * What each of Exchange's protocols is, who speaks it and where it listens: the rows of the lesson's "Exchange
 * speaks" diagram. Whether each deployment offers it, and since when, is in exchange.ts (offers, basicAuth); the
 * ports here must be ports the port facts list (checked in tests/data/exchange-lesson.test.ts).
 */
import { z } from 'zod';
import { provenance } from './schema-base.ts';
import { exchangeProtocolIds, type ExchangeProtocolId } from './schema-exchange.ts';
import { V2, activeSyncPing, doc, exchangePorts, graphMail, mapiMailStore } from './sources.ts';

/** One protocol of Exchange, as the lesson draws it. */
export const exchangeProtocolSchema = z.object({
  id: z.enum(exchangeProtocolIds),
  /** Its name as Microsoft writes it. */
  name: z.string().min(3),
  /** Who speaks it to Exchange. */
  clients: z.string().min(3),
  /** The ports it uses, most usual first. */
  ports: z.array(z.number().int().positive()).min(1),
  /** Where on the server it answers (a URL path or host), if it is an HTTP protocol. */
  endpoint: z.string().min(1).optional(),
  ...provenance,
});
/** One protocol of Exchange. */
export type ExchangeProtocol = z.infer<typeof exchangeProtocolSchema>;

const popImapOnline = doc('POP3 and IMAP4 in Exchange Online', 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4');
const autodiscoverEws = doc('Autodiscover for Exchange', 'https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/autodiscover-for-exchange');
const v = { lastVerified: V2 };

/** Exchange's protocols, in the order of `exchangeProtocolIds`. */
export const exchangeProtocols: ExchangeProtocol[] = z.array(exchangeProtocolSchema).parse([
  { id: 'mapi-http', name: 'MAPI over HTTP', clients: 'Classic Outlook for Windows', ports: [443], endpoint: '/mapi/emsmdb', sources: [exchangePorts, mapiMailStore], ...v },
  { id: 'ews', name: 'Exchange Web Services (EWS)', clients: 'Apps and migration tools; older Outlook for Mac', ports: [443], endpoint: '/EWS/Exchange.asmx', sources: [exchangePorts], ...v },
  { id: 'graph', name: 'Microsoft Graph', clients: 'New apps for Exchange Online', ports: [443], endpoint: 'graph.microsoft.com/v1.0/me/messages', sources: [graphMail], ...v },
  { id: 'activesync', name: 'Exchange ActiveSync', clients: 'The built-in mail apps of phones', ports: [443], endpoint: '/Microsoft-Server-ActiveSync', sources: [activeSyncPing, exchangePorts], ...v },
  { id: 'imap', name: 'IMAP4', clients: 'Any standard mail program', ports: [993, 143], sources: [exchangePorts, popImapOnline], ...v },
  { id: 'pop3', name: 'POP3', clients: 'Any standard mail program', ports: [995, 110], sources: [exchangePorts, popImapOnline], ...v },
  { id: 'smtp-submission', name: 'SMTP submission', clients: 'Mail programs that read with IMAP or POP3, to send', ports: [587], sources: [exchangePorts, popImapOnline], ...v },
  { id: 'owa', name: 'Outlook on the web', clients: 'Web browsers', ports: [443], endpoint: '/owa', sources: [exchangePorts], ...v },
  { id: 'autodiscover', name: 'Autodiscover', clients: 'Outlook and other Exchange clients, to find the addresses above', ports: [443], endpoint: '/autodiscover/autodiscover.xml', sources: [autodiscoverEws, exchangePorts], ...v },
]);

/** The protocol with this id; throws for one the list lacks. */
export function exchangeProtocol(id: ExchangeProtocolId): ExchangeProtocol {
  const p = exchangeProtocols.find((x) => x.id === id);
  if (!p) throw new Error(`no Exchange protocol ${id} in src/data/exchange-protocols.ts`);
  return p;
}
