/**
 * Every dated Exchange fact under one id, for prose (<ExchangeDate id="…" />) and the timeline diagram: the days
 * come from src/data/exchange.ts (deployments, Basic authentication, EWS in Exchange Online, events), never typed.
 * The words here only name what the data's own entry says; each day keeps that entry's sources.
 */
import { exchange } from '../../data/index.ts';
import type { ExchangeDeploymentId, Source } from '../../data/index.ts';

/** One dated fact. */
export interface ExchangeDay {
  id: string;
  /** ISO day. */
  date: string;
  /** Last day of a rollout, when the data gives one. */
  until?: string | undefined;
  /** Which deployment it concerns; undefined for both (EWS's feature freeze). */
  deployment?: ExchangeDeploymentId | undefined;
  /** A short headline for the timeline, read after the deployment's name. */
  title: string;
  /** The data's own sentence. */
  text: string;
  sources: Source[];
}

/** The one day every Exchange Online protocol's Basic authentication was refused from; throws if they disagree. */
function basicRefusedDay(): string {
  const days = new Set(exchange.basicAuth.filter((b) => b.deployment === 'online' && b.refusedFrom).map((b) => b.refusedFrom!));
  if (days.size !== 1) throw new Error(`Exchange Online's Basic authentication is refused from ${days.size} different days; the lesson expects one`);
  return [...days][0]!;
}

/** Headlines of the data's events and the deployment each concerns, by id; an unknown event shows its first words. */
const EVENTS: Record<string, { title: string; deployment?: ExchangeDeploymentId }> = {
  'ews-feature-freeze': { title: 'EWS feature freeze' },
  'exchange-2016-2019-end-of-support': { title: 'Exchange 2016 and 2019: end of support', deployment: 'server-se' },
  'eas-online-16-1-minimum': { title: 'ActiveSync 16.1 or later only', deployment: 'online' },
  'legacy-tls-pop-imap-online': { title: 'POP and IMAP: TLS 1.2 or later only', deployment: 'online' },
};

/** Every dated Exchange fact, oldest first. */
export function exchangeDays(): ExchangeDay[] {
  const se = exchange.deployments.find((d) => d.id === 'server-se');
  const online = exchange.basicAuth.find((b) => b.deployment === 'online' && b.refusedFrom)!;
  const smtp = exchange.basicAuth.find((b) => b.deployment === 'online' && b.protocol === 'smtp-submission' && b.defaultOffFrom);
  const ews = exchange.ewsOnline;
  const days: ExchangeDay[] = [
    ...(se?.released ? [{ id: 'se-released', date: se.released, deployment: 'server-se' as const, title: 'Exchange Server SE released', text: se.summary, sources: se.sources }] : []),
    { id: 'basic-auth-off', date: basicRefusedDay(), deployment: 'online', title: 'Basic authentication off', text: online.text, sources: online.sources },
    ...(smtp?.defaultOffFrom ? [{ id: 'smtp-auth-default-off', date: smtp.defaultOffFrom, deployment: 'online' as const, title: 'SMTP AUTH with a password off by default', text: smtp.text, sources: smtp.sources }] : []),
    { id: 'ews-allow-list-deadline', date: ews.allowListDeadline, deployment: 'online', title: 'Last day to allow-list apps for EWS', text: ews.text, sources: ews.sources },
    { id: 'ews-blocked', date: ews.blockedUnlessAllowListedFrom, deployment: 'online', title: 'EWS blocked unless the app is allow-listed', text: ews.text, sources: ews.sources },
    { id: 'ews-shutdown', date: ews.shutdown, deployment: 'online', title: 'EWS shuts down', text: ews.text, sources: ews.sources },
    ...exchange.events.map((e) => ({
      id: e.id,
      date: e.date,
      until: e.until,
      deployment: EVENTS[e.id]?.deployment,
      title: EVENTS[e.id]?.title ?? e.text.split(/[;:.]/)[0]!,
      text: e.text,
      sources: e.sources,
    })),
  ];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The dated fact with this id; throws naming the ids that exist, so a typo in a lesson fails the build. */
export function exchangeDay(id: string): ExchangeDay {
  const all = exchangeDays();
  const day = all.find((d) => d.id === id);
  if (!day) throw new Error(`no Exchange date "${id}" in src/data/exchange.ts; dates are ${all.map((d) => d.id).join(', ')}`);
  return day;
}

/** The day the Exchange facts were last checked: the timeline's "as of". */
export function exchangeCheckedOn(): string {
  return exchange.ewsOnline.lastVerified;
}
