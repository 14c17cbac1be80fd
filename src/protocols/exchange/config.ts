/**
 * One Exchange deployment's configuration: its host names, the EWS organisation settings an administrator sets
 * (EWSEnabled, EwsAllowedAppIDs) and the hook that turns a bearer token into an access token. The identity
 * platform (slice 2) plugs in through `Authorizer`; until then tests pass their own.
 */
import type { ExchangeDeploymentId } from '../../data/schema-exchange.ts';
import { LOCAL_DOMAIN } from '../shared/host.ts';
import type { HttpRequest } from '../shared/http-types.ts';

export type { ExchangeDeploymentId } from '../../data/schema-exchange.ts';

/** What a bearer token says once its issuer has checked it (OAuth 2.0, RFC 6749 §1.4; RFC 6750). */
export interface AccessToken {
  /** The login name of the mailbox user the token acts for. */
  subject: string;
  /** The Entra application (client) ID of the calling app, which EwsAllowedAppIDs lists. */
  appId: string;
  /** The resource the token was issued for, e.g. "https://outlook.office365.test". */
  audience: string;
  /** Delegated scopes and app roles, short names, e.g. "EWS.AccessAsUser.All". */
  scopes: readonly string[];
  /** When it expires, ms since the epoch, compared with the world's clock. */
  expiresAt: number;
}

/** Reads the Authorization header's bearer token; undefined when there is none or it is not genuine. */
export interface Authorizer {
  authorize(request: HttpRequest): AccessToken | undefined;
}

/** What a caller may set; everything has a default per deployment. */
export interface ExchangeOptions {
  /** The host EWS, MAPI and ActiveSync answer on. */
  host?: string;
  /** The host Autodiscover answers on. */
  autodiscoverHost?: string;
  /** Set-OrganizationConfig -EwsEnabled: true, false, or undefined (never set). */
  ewsEnabled?: boolean | undefined;
  /** Set-OrganizationConfig -EwsAllowedAppIDs. */
  ewsAllowedAppIds?: readonly string[];
  /** Turns bearer tokens into access tokens (Exchange Online). */
  authorizer?: Authorizer;
  /** The largest request body accepted, in octets. */
  maxRequestOctets?: number;
}

/** A deployment with every option resolved. */
export interface ExchangeConfig {
  deployment: ExchangeDeploymentId;
  host: string;
  autodiscoverHost: string;
  ewsEnabled: boolean | undefined;
  ewsAllowedAppIds: readonly string[];
  authorizer: Authorizer | undefined;
  maxRequestOctets: number;
}

/**
 * Exchange Online's own application ID ("Office 365 Exchange Online"), which its 401 challenge names as the
 * resource a client must get a token for.
 */
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** The identity platform's host in the simulated world (login.microsoftonline.com in the real one). */
export const IDENTITY_HOST = 'login.microsoftonline.test';

/**
 * EWS's own default limit on a request is far larger; 16 MiB holds a message of the world's largest size
 * (10,240,000 octets) base64-encoded in a CreateItem with room to spare.
 */
export const DEFAULT_MAX_REQUEST_OCTETS = 16 * 1024 * 1024;

/** The configuration of a deployment with `options` applied. */
export function exchangeConfig(deployment: ExchangeDeploymentId, options: ExchangeOptions = {}): ExchangeConfig {
  const online = deployment === 'online';
  const host = options.host ?? (online ? 'outlook.office365.test' : `mail.${LOCAL_DOMAIN}`);
  return {
    deployment,
    host,
    autodiscoverHost: options.autodiscoverHost ?? (online ? host : `autodiscover.${LOCAL_DOMAIN}`),
    ewsEnabled: options.ewsEnabled,
    ewsAllowedAppIds: options.ewsAllowedAppIds ?? [],
    authorizer: options.authorizer,
    maxRequestOctets: options.maxRequestOctets ?? DEFAULT_MAX_REQUEST_OCTETS,
  };
}

/** The audience a token for this deployment's EWS and Autodiscover must carry. */
export function resourceOf(config: ExchangeConfig): string {
  return `https://${config.host}`;
}
