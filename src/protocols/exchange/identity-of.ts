/**
 * The one identity platform of a mail world, made on first use: what Exchange Online's HTTPS side (cloud.ts) and
 * its IMAP, POP3 and SMTP side (online-mail.ts) both trust. Kept apart from cloud.ts so a mail session that only
 * checks XOAUTH2 tokens does not load EWS, Graph and ActiveSync.
 */
import type { MailWorld } from '../shared/world.ts';
import { IdentityPlatform } from './identity/platform.ts';

const platforms = new WeakMap<MailWorld, IdentityPlatform>();

/** The identity platform of `world` (one per world). */
export function identityOf(world: MailWorld): IdentityPlatform {
  let platform = platforms.get(world);
  if (!platform) {
    platform = new IdentityPlatform(world);
    platforms.set(world, platform);
  }
  return platform;
}
