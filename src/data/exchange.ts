/**
 * The Exchange facts: deployments, what each speaks, Basic authentication by protocol and date, EWS in Exchange
 * Online, Graph's limits, the Autodiscover lookup order, ports and EWS's version header. The lesson, the quiz and
 * the simulated Exchange (src/protocols/exchange) read them here; no date is written anywhere else. Checked
 * against ../shared/reference/email-protocols.md §5.7 (December 2026), which wins over §5.1–5.6.
 */
import type { ExchangeFacts } from './schema-exchange.ts';
import { V2, doc, ewsAccess, ewsDeprecation, exchangePorts, graphMail, mapiMailStore } from './sources.ts';

const seLifecycle = doc('Exchange Server Subscription Edition (SE) – Microsoft Lifecycle', 'https://learn.microsoft.com/en-us/lifecycle/products/exchange-server-subscription-edition');
const ex2019Lifecycle = doc('Exchange Server 2019 – Microsoft Lifecycle', 'https://learn.microsoft.com/en-us/lifecycle/products/exchange-server-2019');
const basicDeprecation = doc('Deprecation of Basic authentication in Exchange Online', 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online');
const smtpAuthTimeline = doc('Exchange Team blog: Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline (27 January 2026)', 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835');
const smtpAuthSwitch = doc('Enable or disable SMTP AUTH in Exchange Online', 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission');
const oauthLegacy = doc('Authenticate an IMAP, POP or SMTP connection using OAuth', 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth');
const popImapServer = doc('POP3 and IMAP4 in Exchange Server', 'https://learn.microsoft.com/en-us/exchange/clients/pop3-and-imap4/pop3-and-imap4');
const popImapOnline = doc('POP3 and IMAP4 in Exchange Online', 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4');
const graphThrottling = doc('Microsoft Graph service-specific throttling limits', 'https://learn.microsoft.com/en-us/graph/throttling-limits');
const graphListMessages = doc('Microsoft Graph v1.0: List messages ($top 1–1000, default page 10)', 'https://learn.microsoft.com/en-us/graph/api/user-list-messages');
const authCodeFlow = doc('Microsoft identity platform and the OAuth 2.0 authorization code flow', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow');
const deviceCodeFlow = doc('Microsoft identity platform and the OAuth 2.0 device authorization grant flow', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code');
const tokenLifetimes = doc('Configurable token lifetimes in the Microsoft identity platform (refresh tokens: 90 days)', 'https://learn.microsoft.com/en-us/entra/identity-platform/configurable-token-lifetimes');
const autodiscoverEws = doc('Autodiscover for Exchange', 'https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/autodiscover-for-exchange');
const serverVersionInfo = doc('ServerVersionInfo', 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/serverversioninfo');
const exchangelibCapture = doc('exchangelib (an EWS client) tests: ServerVersionInfo of Exchange 2016/2019 servers', 'https://github.com/ecederstrand/exchangelib');
const easMinimum = doc('Microsoft 365 Message Center MC1197103: Exchange Online blocks Exchange ActiveSync clients older than protocol 16.1', 'https://admin.microsoft.com/Adminportal/Home#/MessageCenter/:/messages/MC1197103');
const legacyTlsBlog = doc('Exchange Team blog: Deprecating Legacy TLS and Endpoints for POP and IMAP in Exchange Online (27 April 2026)', 'https://techcommunity.microsoft.com/t5/exchange-team-blog/deprecating-legacy-tls-and-endpoints-for-pop-and-imap-in/ba-p/4515201');
const legacyTlsMc = doc('Microsoft 365 Message Center MC1293480: POP3 and IMAP4 in Exchange Online stop accepting TLS 1.0 and 1.1', 'https://admin.microsoft.com/Adminportal/Home#/MessageCenter/:/messages/MC1293480');
const ewsJavaReadme = doc('OfficeDev/ews-java-api README (EWS feature freeze)', 'https://github.com/OfficeDev/ews-java-api');

const SE = 'server-se' as const;
const EXO = 'online' as const;
const v = { lastVerified: V2 };

/** The Exchange facts, validated by `exchangeFactsSchema` in ./index.ts. */
export const exchangeFacts: ExchangeFacts = {
  deployments: [
    { id: SE, name: 'Exchange Server Subscription Edition (SE)', summary: 'Exchange on the organisation’s own servers; the supported on-premises version since Exchange 2016 and 2019 reached their end of support.', released: '2025-07-01', sources: [seLifecycle], ...v },
    { id: EXO, name: 'Exchange Online', summary: 'Exchange run by Microsoft as part of Microsoft 365: the same protocols, plus Microsoft Graph, and modern authentication only.', sources: [basicDeprecation, graphMail], ...v },
  ],

  offers: [
    { deployment: SE, protocol: 'mapi-http', state: 'on', text: 'Classic Outlook for Windows’ protocol (default since Exchange 2016)', sources: [exchangePorts, mapiMailStore], ...v },
    { deployment: EXO, protocol: 'mapi-http', state: 'on', text: 'Classic Outlook for Windows’ protocol', sources: [mapiMailStore], ...v },
    { deployment: SE, protocol: 'ews', state: 'on', text: 'On (not affected by the Exchange Online retirement)', sources: [ewsDeprecation], ...v },
    { deployment: EXO, protocol: 'ews', state: 'blocked-unless-allow-listed', text: 'Blocked unless the app is allow-listed; gone in April 2027', sources: [ewsDeprecation, ewsAccess], ...v },
    { deployment: SE, protocol: 'graph', state: 'not-offered', text: 'Not offered: Graph reaches Exchange Online mailboxes only', sources: [graphMail], ...v },
    { deployment: EXO, protocol: 'graph', state: 'on', text: 'The API for new apps', sources: [graphMail], ...v },
    { deployment: SE, protocol: 'activesync', state: 'on', text: 'Phones and some desktop mail apps', sources: [exchangePorts], ...v },
    { deployment: EXO, protocol: 'activesync', state: 'on', text: 'Phones, with modern authentication', sources: [basicDeprecation], ...v },
    { deployment: SE, protocol: 'imap', state: 'off-by-default', text: 'Off until an administrator starts the IMAP4 services', sources: [popImapServer], ...v },
    { deployment: EXO, protocol: 'imap', state: 'on', text: 'On for every user, OAuth (XOAUTH2) only', sources: [popImapOnline, oauthLegacy], ...v },
    { deployment: SE, protocol: 'pop3', state: 'off-by-default', text: 'Off until an administrator starts the POP3 services', sources: [popImapServer], ...v },
    { deployment: EXO, protocol: 'pop3', state: 'on', text: 'On for every user, OAuth (XOAUTH2) only', sources: [popImapOnline, oauthLegacy], ...v },
    { deployment: SE, protocol: 'smtp-submission', state: 'on', text: 'Client Frontend receive connector on port 587', sources: [exchangePorts], ...v },
    { deployment: EXO, protocol: 'smtp-submission', state: 'on', text: 'smtp.office365.com on 587 with STARTTLS', sources: [smtpAuthSwitch], ...v },
    { deployment: SE, protocol: 'owa', state: 'on', text: 'Outlook on the web at /owa', sources: [exchangePorts], ...v },
    { deployment: EXO, protocol: 'owa', state: 'on', text: 'Outlook on the web', sources: [basicDeprecation], ...v },
    { deployment: SE, protocol: 'autodiscover', state: 'on', text: 'POX and v2 JSON over HTTPS', sources: [autodiscoverEws], ...v },
    { deployment: EXO, protocol: 'autodiscover', state: 'on', text: 'POX and v2 JSON over HTTPS', sources: [autodiscoverEws], ...v },
  ],

  basicAuth: [
    { deployment: SE, protocol: 'ews', text: 'Basic authentication works on Exchange Server when an administrator allows it on the virtual directory.', sources: [exchangePorts], ...v },
    { deployment: SE, protocol: 'autodiscover', text: 'Basic authentication works on Exchange Server when an administrator allows it on the virtual directory.', sources: [exchangePorts], ...v },
    ...(['ews', 'activesync', 'imap', 'pop3', 'mapi-http', 'autodiscover'] as const).map((protocol) => ({
      deployment: EXO,
      protocol,
      refusedFrom: '2022-10-01',
      text: 'Exchange Online turned Basic authentication off for good on 1 October 2022; apps must use OAuth 2.0.',
      sources: [basicDeprecation],
      ...v,
    })),
    {
      deployment: EXO,
      protocol: 'smtp-submission',
      defaultOffFrom: '2026-12-31',
      text: 'SMTP AUTH with a password was exempt in 2022. From the end of December 2026 it is off by default for existing tenants (an administrator can turn it back on) and unavailable to new tenants; Microsoft will announce the final removal date in the second half of 2027.',
      sources: [smtpAuthTimeline, smtpAuthSwitch],
      ...v,
    },
  ],

  ewsOnline: {
    blockedUnlessAllowListedFrom: '2026-10-01',
    allowListDeadline: '2026-08-31',
    shutdown: '2027-04-01',
    text: 'From 1 October 2026 Exchange Online blocks EWS unless EWSEnabled is True and the calling app’s ID is in EwsAllowedAppIDs; on 1 April 2027 EWS in Exchange Online shuts down for everyone. Exchange Server keeps EWS.',
    sources: [ewsDeprecation, ewsAccess],
    ...v,
  },

  graphLimits: { requestsPerWindow: 10_000, windowSeconds: 600, concurrentRequests: 4, defaultPageSize: 10, maxPageSize: 1000, sources: [graphThrottling, graphListMessages], ...v },

  identityLifetimes: {
    accessTokenSeconds: 3599,
    authorizationCodeSeconds: 600,
    deviceCodeSeconds: 900,
    deviceCodeIntervalSeconds: 5,
    refreshTokenDays: 90,
    sources: [authCodeFlow, deviceCodeFlow, tokenLifetimes],
    ...v,
  },

  autodiscoverOrder: [
    { id: 'scp', request: 'LDAP: the service connection point in Active Directory', sendsCredentials: true, text: 'Domain-joined clients first ask Active Directory for Autodiscover’s service connection point.', sources: [autodiscoverEws], ...v },
    { id: 'https-root', request: 'POST https://{domain}/autodiscover/autodiscover.xml', sendsCredentials: true, text: 'Then the domain itself, over HTTPS.', sources: [autodiscoverEws], ...v },
    { id: 'https-autodiscover', request: 'POST https://autodiscover.{domain}/autodiscover/autodiscover.xml', sendsCredentials: true, text: 'Then the autodiscover host of the domain, over HTTPS.', sources: [autodiscoverEws], ...v },
    { id: 'http-redirect', request: 'GET http://autodiscover.{domain}/autodiscover/autodiscover.xml', sendsCredentials: false, text: 'Then plain HTTP on port 80, without credentials, only to follow a redirect to an HTTPS Autodiscover URL.', sources: [autodiscoverEws, exchangePorts], ...v },
    { id: 'srv', request: 'DNS SRV _autodiscover._tcp.{domain}', sendsCredentials: true, text: 'Last, a DNS SRV record, used only when it points to an HTTPS endpoint.', sources: [autodiscoverEws], ...v },
  ],

  ports: [
    { port: 443, carriesMail: true, text: 'HTTPS: Autodiscover, MAPI over HTTP, EWS, ActiveSync, Outlook on the web, the offline address book, and Graph for Exchange Online.', sources: [exchangePorts, graphMail], ...v },
    { port: 80, carriesMail: false, text: 'Plain HTTP: calendar publishing, the redirect of Outlook on the web to HTTPS and the Autodiscover redirect fallback; no mail protocol and no credentials.', sources: [exchangePorts], ...v },
  ],

  ewsVersion: { majorVersion: 15, minorVersion: 2, majorBuildNumber: 2562, minorBuildNumber: 17, version: 'V2017_07_11', sources: [serverVersionInfo, exchangelibCapture], ...v },

  events: [
    { id: 'ews-feature-freeze', date: '2018-07-19', text: 'EWS gets no new features; Microsoft points new development to Microsoft Graph.', sources: [ewsJavaReadme], ...v },
    { id: 'eas-online-16-1-minimum', date: '2026-03-01', text: 'Exchange Online refuses Exchange ActiveSync clients that speak a protocol version older than 16.1; Outlook mobile does not use ActiveSync and is not affected.', sources: [easMinimum], ...v },
    { id: 'legacy-tls-pop-imap-online', date: '2026-07-01', until: '2026-12-31', text: 'Exchange Online stops accepting TLS 1.0 and 1.1 on POP3 and IMAP4, rolled out between 1 July and 31 December 2026; clients need TLS 1.2 or later. SMTP AUTH submission is not part of this change.', sources: [legacyTlsBlog, legacyTlsMc], ...v },
    { id: 'exchange-2016-2019-end-of-support', date: '2025-10-14', text: 'Exchange Server 2016 and 2019 reach their end of support; Exchange Server SE is the supported on-premises version.', sources: [ex2019Lifecycle, seLifecycle], ...v },
  ],
};
