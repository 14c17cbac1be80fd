/**
 * Whether a line a learner typed already carries its IMAP tag (RFC 9051 §2.2.1: "tag SP command"), so a command
 * line that adds tags for them adds one only where none was typed. Small on purpose: the widget's command line
 * imports it without the server.
 */

/** A tag (RFC 3501 §9 `tag`): ASTRING-CHARs except "+"; Dovecot also refuses CTLs and 8-bit octets. */
export function isValidTag(tag: string): boolean {
  return tag.length > 0 && tag.length <= 100 && /^[\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c-\x7e]+$/.test(tag);
}

/**
 * The commands the simulated server knows (the same list as commands/dispatch.ts IMAP_VERBS, which a test holds
 * equal): RFC 9051 §6, with ID (RFC 2971), IDLE (RFC 2177), NAMESPACE (RFC 2342), MOVE (RFC 6851) and LSUB (RFC 3501).
 */
export const IMAP_COMMAND_NAMES: ReadonlySet<string> = new Set(
  'CAPABILITY NOOP LOGOUT ID STARTTLS LOGIN AUTHENTICATE ENABLE SELECT EXAMINE CREATE DELETE RENAME SUBSCRIBE UNSUBSCRIBE LIST LSUB NAMESPACE STATUS APPEND IDLE CHECK CLOSE UNSELECT EXPUNGE SEARCH FETCH STORE COPY MOVE UID'.split(' '),
);

const isCommand = (word: string | undefined) => word !== undefined && IMAP_COMMAND_NAMES.has(word.toUpperCase());

/**
 * True when the line starts with a tag of its own: a first word that is a valid tag and not itself a command name,
 * followed by a command name ("a9 NOOP", "x1 uid fetch 1 FLAGS"). "UID FETCH 1 FLAGS" and "LOGIN alice wonderland"
 * have none.
 */
export function hasOwnTag(line: string): boolean {
  const [first, second] = line.split(' ', 2);
  return first !== undefined && isValidTag(first) && !isCommand(first) && isCommand(second);
}
