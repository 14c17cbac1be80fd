/**
 * Token placeholders in scenario lines. A scenario never carries a token: a client line says
 * `{{xoauth2 alice@example.test IMAP.AccessAsUser.All}}` and the runner puts there the base64 XOAUTH2 message with
 * a token the engine's identity platform issues in the scenario's own world, for that user and permission, at
 * that moment. Pure string work, no zod, so the browser's runner can use it.
 */

/** `{{xoauth2 <user or address> <permission>}}`. */
const XOAUTH2 = /\{\{xoauth2 ([^\s{}]+) ([^\s{}]+)\}\}/g;
/** Any `{{…}}`, to catch a misspelt placeholder. */
const ANY = /\{\{[^}]*\}\}/g;

/** One placeholder: who the token is for and which permission it carries. */
export interface TokenRequest {
  user: string;
  permission: string;
}

/** The token placeholders of a line, in order. */
export function tokenRequests(line: string): TokenRequest[] {
  return [...line.matchAll(XOAUTH2)].map((m) => ({ user: m[1]!, permission: m[2]! }));
}

/** Whether every `{{…}}` in the line is a well-formed token placeholder. */
export function placeholdersWellFormed(line: string): boolean {
  return (line.match(ANY) ?? []).every((p) => new RegExp(`^${XOAUTH2.source}$`).test(p));
}

/** The line with each placeholder replaced by `issue(user, permission)`. */
export function fillTokens(line: string, issue: (user: string, permission: string) => string): string {
  return line.includes('{{') ? line.replace(XOAUTH2, (_, user: string, permission: string) => issue(user, permission)) : line;
}
