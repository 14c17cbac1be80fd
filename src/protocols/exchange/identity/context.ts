/** What the identity platform's endpoints share: the world, the app registrations, and every grant in flight. */
import { exchangeFacts } from '../../../data/exchange.ts';
import type { MailUser, MailWorld } from '../../shared/world.ts';
import type { AppRegistration } from './apps.ts';
import type { Resource } from './scopes.ts';
import type { TokenStore } from './tokens.ts';

/** An authorization code: single use, short-lived, bound to its client, redirect URI and PKCE challenge. */
export interface AuthCode {
  clientId: string;
  redirectUri: string;
  user: MailUser;
  /** Every scope the user consented to, by resource audience. */
  consent: ReadonlyMap<Resource, readonly string[]>;
  resource: Resource;
  offline: boolean;
  challenge: { value: string; method: 'S256' | 'plain' } | undefined;
  expiresAt: number;
  redeemed: boolean;
}

/** A device code and the user code shown for it (RFC 8628 §3.2). */
export interface DeviceGrant {
  clientId: string;
  userCode: string;
  resource: Resource;
  permissions: readonly string[];
  offline: boolean;
  expiresAt: number;
  /** Waiting for the user, signed in by one, or declined. */
  state: { kind: 'pending' } | { kind: 'approved'; user: MailUser } | { kind: 'declined' } | { kind: 'redeemed' };
}

/** What a refresh token stands for: the user's consent to one client, across resources. */
export interface RefreshGrant {
  clientId: string;
  user: MailUser;
  consent: ReadonlyMap<Resource, readonly string[]>;
  expiresAt: number;
}

/** The identity platform's state. */
export interface IdentityContext {
  world: MailWorld;
  apps: Map<string, AppRegistration>;
  tokens: TokenStore;
  codes: Map<string, AuthCode>;
  devices: Map<string, DeviceGrant>;
  refreshTokens: Map<string, RefreshGrant>;
}

/** The lifetimes from the Exchange facts (src/data/exchange.ts). */
export const lifetimes = exchangeFacts.identityLifetimes;

/** Whether a tenant path segment names this tenant: common, organizations, its id or its domain. */
export function knownTenant(tenant: string, tenantId: string, domain: string): boolean {
  const t = tenant.toLowerCase();
  return t === 'common' || t === 'organizations' || t === tenantId || t === domain;
}
