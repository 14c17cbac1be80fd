/** The status a scenario step observes in IMAP's replies: the tagged reply to its command, "+", or an untagged update. */
import type { ObservedCode } from '../shared/profile.ts';

/**
 * The status of the tagged reply to the step's command (`client` carries its tag), or `+` for a continuation, or,
 * when `expect` names an untagged update such as `* EXISTS`, that update if present (`* 4 EXISTS` matches).
 */
export const imapObserved: ObservedCode = (server, client, expect) => {
  if (expect.startsWith('* ')) {
    const words = expect.slice(2).trim().toUpperCase();
    // "* 4 EXISTS" and "* SEARCH 2 3" both start with the expected words once the message number is skipped.
    const hit = server.some((line) => {
      const rest = line.replace(/^\* (?:\d+ )?/, '').toUpperCase();
      return line.startsWith('* ') && (rest === words || rest.startsWith(`${words} `));
    });
    if (hit) return expect;
  }
  const tag = client?.split(' ')[0];
  const tagged = server.flatMap((line) => {
    const m = /^([^\s*+]+) (OK|NO|BAD)(?: |$)/.exec(line);
    return m ? [{ tag: m[1], status: m[2] }] : [];
  });
  const own = tagged.find((t) => t.tag === tag);
  if (own) return own.status;
  if (server.some((line) => /^\+(?: |$)/.test(line))) return '+';
  // DONE carries no tag: the reply that ends IDLE carries the IDLE command's tag.
  if (tagged.length > 0) return tagged.at(-1)!.status;
  // A greeting (after a reconnect) or an unsolicited BYE: the untagged status word.
  return /^\* (OK|NO|BAD|BYE|PREAUTH)(?: |$)/.exec(server[0] ?? '')?.[1];
};
