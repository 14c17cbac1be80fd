/**
 * Login checks for USER/PASS (RFC 1939 §7) and SASL AUTH (RFC 5034), and what the server offers before and after
 * TLS (RFC 2449 §6, RFC 2595 §4), as Dovecot 2.3 does with plaintext auth disabled. APOP is not offered: it rests
 * on MD5 of a secret the server must keep in clear, and Dovecot leaves it off unless configured.
 */
import type { MailUser, MailWorld } from '../shared/world.ts';
import type { Pop3Context } from './types.ts';

/** The SASL mechanisms the server implements (RFC 4616 PLAIN; LOGIN, the old draft clients still use). */
export const MECHANISMS = ['PLAIN', 'LOGIN'] as const;

/** Whether a password may be sent now: inside TLS, or on a port that does not require TLS (RFC 8314 §4.1). */
export function isPlaintextAllowed(ctx: Pick<Pop3Context, 'tls' | 'tlsRequired'>): boolean {
  return ctx.tls || !ctx.tlsRequired;
}

/** The mechanisms offered now: both carry the password, so none before TLS (Dovecot hides them). */
export function offeredMechanisms(ctx: Pick<Pop3Context, 'tls' | 'tlsRequired'>): string[] {
  return isPlaintextAllowed(ctx) ? [...MECHANISMS] : [];
}

/**
 * The CAPA list (RFC 2449 §5): Dovecot's order, then EXPIRE NEVER (Mailwire deletes only what DELE marks,
 * RFC 2449 §6.7) and IMPLEMENTATION (§6.9). STLS, USER and SASL concern login, so TRANSACTION omits them.
 */
export function capabilities(ctx: Pick<Pop3Context, 'tls' | 'tlsRequired' | 'user' | 'server'>): string[] {
  if (ctx.server) return ctx.server.pop3.capabilities(ctx.tls, ctx.user !== undefined);
  const caps = ['CAPA', 'TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE'];
  if (ctx.user === undefined) {
    if (!ctx.tls) caps.push('STLS');
    if (isPlaintextAllowed(ctx)) caps.push('USER');
    caps.push(['SASL', ...offeredMechanisms(ctx)].join(' '));
  }
  caps.push('EXPIRE NEVER', 'IMPLEMENTATION Mailwire');
  return caps;
}

/**
 * The user a decoded PLAIN message authenticates (RFC 4616 §2: [authzid] NUL authcid NUL passwd). An
 * authorization id other than the user's own would need a master user, which Mailwire has not.
 */
export function plainUser(world: MailWorld, decoded: string): MailUser | undefined {
  const parts = decoded.split('\0');
  if (parts.length !== 3) return undefined;
  const [authzid, authcid, password] = parts as [string, string, string];
  if (authcid === '' || (authzid !== '' && authzid !== authcid)) return undefined;
  return world.authenticate(authcid, password);
}

/**
 * Whether this session could take the maildrop lock now (RFC 1939 §4). It only looks: the lock is taken once,
 * as the login's side effect, after the machine has recorded the login.
 */
export function isMaildropFree(world: MailWorld, user: string, sessionId: string): boolean {
  const holder = world.maildropHolder(user);
  return holder === undefined || holder === sessionId;
}
