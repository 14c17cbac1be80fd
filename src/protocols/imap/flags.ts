/**
 * Message flags (RFC 3501 §2.3.2): the system flags, which start with "\", and keywords, which do not.
 * \Recent is a system flag only the server sets, so a client may never store it.
 */
import type { ImapToken } from './tokenize.ts';

/** The system flags a client may set, in the order Dovecot writes them. */
export const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'] as const;

const BY_UPPER = new Map<string, string>(SYSTEM_FLAGS.map((f) => [f.toUpperCase(), f]));

/** Flags parsed from a client list, or the error Dovecot gives (e.g. "Invalid system flag \RECENT"). */
export type ParsedFlags = { flags: string[] } | { error: string };

/** Reads flag atoms (RFC 3501 §9 `flag`), normalising system flags to their canonical spelling. */
export function parseFlags(tokens: readonly ImapToken[]): ParsedFlags {
  const flags: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'atom' || t.value === '') return { error: 'Flags list contains non-atoms.' };
    if (t.value.startsWith('\\')) {
      const upper = t.value.toUpperCase();
      const flag = BY_UPPER.get(upper);
      if (!flag) return { error: `Invalid system flag ${upper}` };
      if (!flags.includes(flag)) flags.push(flag);
    } else if (/[\\*%"(){\]]/.test(t.value)) {
      return { error: `Invalid keyword ${t.value}` };
    } else if (!flags.includes(t.value)) {
      flags.push(t.value);
    }
  }
  return { flags };
}
