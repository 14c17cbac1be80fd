/**
 * The app registrations of the simulated tenant: public clients (a mail app a learner signs in to, with PKCE or
 * a device code) and a confidential daemon with a client secret and admin-consented app roles (client
 * credentials). Ids are fixed GUIDs so scenarios and the lab can name them.
 */
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from './scopes.ts';

/** One application registered in Entra ID. */
export interface AppRegistration {
  /** The Application (client) ID. */
  clientId: string;
  displayName: string;
  /** Redirect URIs the authorization endpoint may send a code to (compared exactly). */
  redirectUris: readonly string[];
  /** A confidential client's secret; public clients have none and must not send one. */
  secret: string | undefined;
  /** App roles an administrator consented to, by resource audience (used by client credentials). */
  roles: Readonly<Record<string, readonly string[]>>;
}

/** The simulated tenant: its id and its verified domain. */
export const TENANT_ID = '8a6c1e0b-3d4f-4b7a-9c2e-5f1d0a9b7c31';

/** A public mail client (like Thunderbird or a phone app): authorization code with PKCE, device code. */
export const MAIL_APP_ID = '3f5e9d2a-8c1b-4e7f-a6d0-2b9c4e1f7a53';
/** Another public mail app registered in the tenant but not on Exchange Online's EWS allow list, to show the block. */
export const OTHER_APP_ID = 'c7a14f3e-5b2d-4e8a-9f61-0d3b7e2a4c85';
/** A confidential daemon that reads and sends for mailboxes with application permissions. */
export const DAEMON_APP_ID = '6b2d8e4f-1a9c-4d3e-b7f0-8e5a2c6d9b14';
/** The daemon's client secret (a simulation: printed on purpose, as the lesson shows what it is). */
export const DAEMON_SECRET = 'mw~Daemon.Secret_2026';

/** The registrations a new identity platform starts with. */
export function defaultApps(): AppRegistration[] {
  return [
    { clientId: MAIL_APP_ID, displayName: 'Mailwire Mail', redirectUris: ['http://localhost', 'http://localhost/callback', 'https://login.microsoftonline.test/common/oauth2/nativeclient'], secret: undefined, roles: {} },
    { clientId: OTHER_APP_ID, displayName: 'Legacy Mail App', redirectUris: ['http://localhost'], secret: undefined, roles: {} },
    {
      clientId: DAEMON_APP_ID,
      displayName: 'Mailwire Daemon',
      redirectUris: [],
      secret: DAEMON_SECRET,
      roles: { [GRAPH_RESOURCE]: ['Mail.ReadWrite', 'Mail.Send'], [EXCHANGE_RESOURCE]: ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp'] },
    },
  ];
}
