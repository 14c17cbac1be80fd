/** IMAP's reply tokeniser: tags, "*", "+", status words with their response codes, and data keywords. */
import { bracketed, challenge, text, type Token } from '../shared/tokens.ts';
import { TAG_KEY } from './keys.ts';

const IMAP_STATUS = new Set(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH']);
const IMAP_DATA = new Set(['CAPABILITY', 'LIST', 'LSUB', 'STATUS', 'SEARCH', 'FLAGS', 'EXISTS', 'RECENT', 'EXPUNGE', 'FETCH', 'NAMESPACE', 'ID', 'ENABLED']);

/** The rest of an IMAP response after its tag, "*" or "+": a status word with its code, or a data keyword. */
function imapBody(rest: string, untagged: boolean): Token[] {
  const m = /^((?:\d+ )?)([A-Za-z]+)( |$)(.*)$/.exec(rest);
  if (!m) return text(rest);
  const [, number, word, sep, after] = m as unknown as [string, string, string, string, string];
  const upper = word.toUpperCase();
  if (number === '' && IMAP_STATUS.has(upper)) {
    return [{ text: word, kind: 'status', key: upper }, ...text(sep), ...bracketed(after)];
  }
  if (untagged && IMAP_DATA.has(upper)) return [...text(number), { text: word, kind: 'keyword', key: upper }, ...text(sep + after)];
  return text(rest);
}

/** RFC 9051 §2.2.2: untagged "* …", continuation "+ …", or a tagged status line. */
export function tokenizeImap(line: string): Token[] {
  if (line.startsWith('* ')) return [{ text: '*', kind: 'untagged', key: '*' }, { text: ' ', kind: 'text' }, ...imapBody(line.slice(2), true)];
  if (line === '+' || line.startsWith('+ ')) return [{ text: '+', kind: 'continuation', key: '+' }, ...challenge(line.slice(1))];
  const tagged = /^([^\s*+(){%"\\\]]+) (.*)$/.exec(line);
  if (!tagged) return text(line);
  const [, tag, rest] = tagged as unknown as [string, string, string];
  const body = imapBody(rest, false);
  // Only a status word makes the first atom a tag; otherwise this is a continued line of data.
  if (body[0]?.kind !== 'status') return text(line);
  return [{ text: tag, kind: 'tag', key: TAG_KEY }, { text: ' ', kind: 'text' }, ...body];
}
