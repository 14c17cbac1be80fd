/** The closed sets the facts file uses (ids, roles, modes), free of zod so browser code can import them cheaply. */

/** Protocol ids, in the order the course teaches them. */
export const protocolIds = ['smtp-relay', 'smtp-submission', 'pop3', 'imap', 'exchange', 'jmap'] as const;
/** One of the protocols the course covers. */
export type ProtocolId = (typeof protocolIds)[number];

/** Port roles (RFC 6409 §1 separates relay from submission; RFC 8314 §1 names access). */
export const portRoles = ['relay', 'submission', 'access', 'http'] as const;
/** What a port is for. */
export type PortRole = (typeof portRoles)[number];

/**
 * Security modes: what the protocol does on the port (RFC 8314 §2, RFC 3207 §4). Whether a server refuses a login
 * before TLS is not a mode but configuration: see `tlsBeforeLoginPolicies`.
 */
export const securityModes = ['plaintext', 'starttls', 'implicit-tls', 'https'] as const;
/** How a connection on a port is (or is not) protected. */
export type SecurityMode = (typeof securityModes)[number];

/**
 * On a STARTTLS port, who decides whether the session must be encrypted before a login: on relay (25) TLS is
 * opportunistic and a public MX must not require it (RFC 3207 §4); on submission and access ports refusing a login
 * before TLS is the server's configuration, which every server must offer (RFC 2595 §2.3, RFC 3501 §6.2.3,
 * RFC 3207 §4) and RFC 8314 §4.1 recommends.
 */
export const tlsBeforeLoginPolicies = ['opportunistic', 'configuration'] as const;
/** Whether TLS before a login is opportunistic or the server's configuration. */
export type TlsBeforeLogin = (typeof tlsBeforeLoginPolicies)[number];

/** Comparison rows, in the order the table shows them. */
export const featureIds = [
  'purpose',
  'whereMailLives',
  'staysOnServer',
  'multiDevice',
  'serverFolders',
  'flagsSynced',
  'serverSearch',
  'push',
  'offline',
  'defaultPorts',
  'bestFor',
] as const;
/** One row of the comparison table. */
export type FeatureId = (typeof featureIds)[number];

/** How well a protocol supports a feature, for the symbol in the table. */
export const supportLevels = ['yes', 'partial', 'no', 'not-applicable', 'info'] as const;
/** Support level of one cell. */
export type SupportLevel = (typeof supportLevels)[number];

/** The course's lessons, in the order the course map shows them ('exchange' arrives with the Exchange issue). */
export const lessonIds = ['travel', 'transcripts', 'smtp', 'pop3', 'imap', 'pop3-or-imap', 'ports', 'troubleshooting', 'exchange'] as const;
/** One lesson of the course. */
export type LessonId = (typeof lessonIds)[number];

/** What a reply people meet in real life can tell them (the troubleshooting lesson's causes). */
export const causeIds = [
  'tls-required',
  'bad-credentials',
  'relay-denied',
  'unknown-recipient',
  'timeout',
  'too-big',
  'mailbox-locked',
  'bad-command',
  'port-blocked',
  'untrusted-certificate',
] as const;
/** One cause of a trouble. */
export type CauseId = (typeof causeIds)[number];

/** The protocols whose replies the troubleshooting lesson explains; `none` for a trouble with no reply line. */
export const troubleProtocols = ['smtp', 'pop3', 'imap', 'none'] as const;
/** The protocol of a trouble. */
export type TroubleProtocol = (typeof troubleProtocols)[number];
