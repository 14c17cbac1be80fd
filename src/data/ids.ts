/** The closed sets the facts file uses (ids, roles, modes), free of zod so browser code can import them cheaply. */

/** Protocol ids, in the order the course teaches them. */
export const protocolIds = ['smtp-relay', 'smtp-submission', 'pop3', 'imap', 'exchange', 'jmap'] as const;
/** One of the protocols the course covers. */
export type ProtocolId = (typeof protocolIds)[number];

/** Port roles (RFC 6409 §1 separates relay from submission; RFC 8314 §1 names access). */
export const portRoles = ['relay', 'submission', 'access', 'http'] as const;
/** What a port is for. */
export type PortRole = (typeof portRoles)[number];

/** Security modes, as RFC 8314 §2 and RFC 3207 §4 distinguish them. */
export const securityModes = [
  'plaintext',
  'starttls-opportunistic',
  'starttls-required',
  'implicit-tls',
  'https',
] as const;
/** How a connection on a port is (or is not) protected. */
export type SecurityMode = (typeof securityModes)[number];

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
