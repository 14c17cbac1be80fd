/**
 * Zod schema of the Exchange facts (src/data/exchange.ts): every date and behaviour the Exchange lesson, the quiz
 * and the simulated Exchange servers read, each with its sources and the day it was last checked.
 */
import { z } from 'zod';

import { isoDate, provenance } from './schema-base.ts';

/** The two Exchange deployments the course simulates. */
export const exchangeDeploymentIds = ['server-se', 'online'] as const;
/** One Exchange deployment: on-premises Exchange Server SE or Exchange Online (Microsoft 365). */
export type ExchangeDeploymentId = (typeof exchangeDeploymentIds)[number];

/** What an Exchange deployment speaks, in the order the lesson lists them. */
export const exchangeProtocolIds = ['mapi-http', 'ews', 'graph', 'activesync', 'imap', 'pop3', 'smtp-submission', 'owa', 'autodiscover'] as const;
/** One protocol or API of Exchange. */
export type ExchangeProtocolId = (typeof exchangeProtocolIds)[number];

/** How a deployment offers a protocol today. */
export const offerStates = ['on', 'off-by-default', 'blocked-unless-allow-listed', 'not-offered'] as const;

/** A deployment: its name and one sentence about it. */
export const deploymentSchema = z.object({
  /** Stable id, the simulator's deployment switch. */
  id: z.enum(exchangeDeploymentIds),
  /** Name as Microsoft writes it. */
  name: z.string().min(3),
  /** One sentence a learner reads. */
  summary: z.string().min(10),
  /** When the current version shipped, if the deployment has versions (Exchange SE RTM). */
  released: isoDate.optional(),
  ...provenance,
});

/** Whether and how one deployment offers one protocol. */
export const offerSchema = z.object({
  /** The deployment. */
  deployment: z.enum(exchangeDeploymentIds),
  /** The protocol. */
  protocol: z.enum(exchangeProtocolIds),
  /** How it is offered today. */
  state: z.enum(offerStates),
  /** A few words for the lesson's table. */
  text: z.string().min(2),
  ...provenance,
});

/** Basic authentication (user name and password) for one protocol of one deployment. */
export const basicAuthSchema = z.object({
  /** The deployment. */
  deployment: z.enum(exchangeDeploymentIds),
  /** The protocol. */
  protocol: z.enum(exchangeProtocolIds),
  /** From this day Basic is refused for everyone; absent while it still works. */
  refusedFrom: isoDate.optional(),
  /** From this day Basic is off by default but an admin can turn it back on (SMTP AUTH in Exchange Online). */
  defaultOffFrom: isoDate.optional(),
  /** What a learner reads, with the dates in words. */
  text: z.string().min(10),
  ...provenance,
});

/** EWS in Exchange Online: blocked unless allow-listed from one day, gone on another. */
export const ewsOnlineSchema = z.object({
  /** From this day tenants are switched off unless EWSEnabled is True and the app is in EwsAllowedAppIDs. */
  blockedUnlessAllowListedFrom: isoDate,
  /** The last day to set EWSEnabled and the allow list before the switch. */
  allowListDeadline: isoDate,
  /** From this day EWS in Exchange Online is off for everyone, allow list or not. */
  shutdown: isoDate,
  /** What a learner reads. */
  text: z.string().min(10),
  ...provenance,
});

/** Microsoft Graph's Outlook limits: past them a client gets 429 with Retry-After. */
export const graphLimitsSchema = z.object({
  /** Requests one app may make for one mailbox per window. */
  requestsPerWindow: z.number().int().positive(),
  /** The window, in seconds. */
  windowSeconds: z.number().int().positive(),
  /** Requests one app may have running at once for one mailbox. */
  concurrentRequests: z.number().int().positive(),
  /** Messages in a page when the client gives no $top. */
  defaultPageSize: z.number().int().positive(),
  /** The largest $top a list of messages accepts. */
  maxPageSize: z.number().int().positive(),
  ...provenance,
});

/** How long what the Microsoft identity platform issues stays valid, in seconds unless named otherwise. */
export const identityLifetimesSchema = z.object({
  /** An access token's expires_in as Microsoft's token responses show it. */
  accessTokenSeconds: z.number().int().positive(),
  /** An authorization code ("typically about 10 minutes"). */
  authorizationCodeSeconds: z.number().int().positive(),
  /** A device code's expires_in (the user has 15 minutes to sign in). */
  deviceCodeSeconds: z.number().int().positive(),
  /** The polling interval a device code response asks for. */
  deviceCodeIntervalSeconds: z.number().int().positive(),
  /** A refresh token's lifetime outside single-page apps, in days. */
  refreshTokenDays: z.number().int().positive(),
  ...provenance,
});

/** One step of the Autodiscover lookup an EWS client follows, in order. */
export const autodiscoverStepSchema = z.object({
  /** Stable id. */
  id: z.enum(['scp', 'https-root', 'https-autodiscover', 'http-redirect', 'srv']),
  /** The method and URL template; {domain} is the address's domain. */
  request: z.string().min(3),
  /** Whether credentials may be sent to this URL (never over port 80). */
  sendsCredentials: z.boolean(),
  /** What a learner reads. */
  text: z.string().min(10),
  ...provenance,
});

/** A port Exchange's web services use. */
export const exchangePortSchema = z.object({
  /** TCP port. */
  port: z.union([z.literal(443), z.literal(80)]),
  /** Whether a mail protocol or credentials ever use it. */
  carriesMail: z.boolean(),
  /** What it is used for. */
  text: z.string().min(10),
  ...provenance,
});

/** What EWS says about itself in every response's ServerVersionInfo header. */
export const ewsVersionSchema = z.object({
  majorVersion: z.number().int(),
  minorVersion: z.number().int(),
  majorBuildNumber: z.number().int(),
  minorBuildNumber: z.number().int(),
  /** The schema version name, e.g. V2017_07_11. */
  version: z.string().min(2),
  ...provenance,
});

/** Another dated event of the Exchange timeline (lifecycle, TLS, ActiveSync versions). */
export const exchangeEventSchema = z.object({
  /** Stable id. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The day it happens or happened. */
  date: isoDate,
  /** The last day of a rollout that spans several days. */
  until: isoDate.optional(),
  /** What a learner reads. */
  text: z.string().min(10),
  ...provenance,
});

/** The whole Exchange facts file. */
export const exchangeFactsSchema = z.object({
  deployments: z.array(deploymentSchema).length(2),
  offers: z.array(offerSchema),
  basicAuth: z.array(basicAuthSchema),
  ewsOnline: ewsOnlineSchema,
  graphLimits: graphLimitsSchema,
  identityLifetimes: identityLifetimesSchema,
  autodiscoverOrder: z.array(autodiscoverStepSchema).min(1),
  ports: z.array(exchangePortSchema),
  ewsVersion: ewsVersionSchema,
  events: z.array(exchangeEventSchema),
});
/** The Exchange facts. */
export type ExchangeFacts = z.infer<typeof exchangeFactsSchema>;
/** One Basic-authentication fact. */
export type BasicAuthFact = z.infer<typeof basicAuthSchema>;
/** One step of the Autodiscover lookup. */
export type AutodiscoverStep = z.infer<typeof autodiscoverStepSchema>;
