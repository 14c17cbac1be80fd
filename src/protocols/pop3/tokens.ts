/** POP3's reply tokeniser: status indicators, RFC 2449 response codes, continuations and the end of a list. */
import { bracketed, challenge, text, type Token } from '../shared/tokens.ts';

/** RFC 1939 §3: "+OK" or "-ERR", then RFC 2449 §8 response codes; RFC 5034 "+ " continuations; "." ends a list. */
export function tokenizePop3(line: string): Token[] {
  if (line === '.') return [{ text: '.', kind: 'end', key: '.' }];
  const status = /^(\+OK|-ERR)( |$)(.*)$/.exec(line);
  if (status) {
    const [, word, sep, rest] = status as unknown as [string, string, string, string];
    return [{ text: word, kind: 'status', key: word }, ...text(sep), ...bracketed(rest)];
  }
  if (line === '+' || line.startsWith('+ ')) return [{ text: '+', kind: 'continuation', key: '+' }, ...challenge(line.slice(1))];
  return text(line);
}
