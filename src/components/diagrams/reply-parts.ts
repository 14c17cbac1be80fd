/**
 * One real reply line from a scenario's playback, cut into the parts a client reads, each with its meaning from
 * the engine's reply catalogues (explainSmtp, explainPop3, explainImap): SMTP code and enhanced status code,
 * POP3 status and response code, IMAP tag, status and response code, and the free text every server words its
 * own way. The line is cut by the transcript tokenizer the simulator uses, so both agree.
 */
import type { Scenario } from '../../scenarios/scenario.ts';
import type { ScenarioPlayback } from '../../scenarios/runner.ts';
import { catalogueOf } from '../../protocols/catalogues.ts';
import { lineProfileOf, profileOf } from '../../protocols/registry.ts';
import type { ReplyExplanation } from '../../protocols/shared/explanation.ts';
import { explainSmtp } from '../../protocols/smtp/explain.ts';
import { tokenize, type Token } from '../../protocols/reply-tokens.ts';

/** One labelled part of a reply line. */
export interface ReplyPart {
  kind: 'code' | 'enhanced' | 'status' | 'respCode' | 'tag' | 'text';
  /** The part as it is on the wire. */
  wire: string;
  /** What the part is, e.g. "Reply code" or "Response code". */
  label: string;
  /** What it means here, line by line, e.g. "5yz: Permanent negative completion". */
  meanings: string[];
  /** Where the meanings are defined. */
  sources: string[];
  /** The catalogue's sentences behind the meanings, for the text alternative. */
  texts: string[];
}

/** The free text: every protocol leaves its words to the server (its profile's replyTextSource says where). */
const FREE_TEXT = {
  label: 'Free text',
  meaning: 'servers word it differently',
  text: 'Only the codes are defined; the words after them are for people and differ from server to server, so clients act on the codes and never on these words.',
} as const;

/** The first server line of the playback (greeting first) that starts with `reply`. */
export function findReply(scenario: Scenario, playback: ScenarioPlayback, reply: string): string | undefined {
  const lines = [...playback.greeting, ...playback.played.flatMap((p) => p.entries)].flatMap((e) => (e.kind === 'server' ? [e.text] : []));
  return lines.find((l) => l.startsWith(reply)) ?? (profileOf(scenario.protocol).input.tagged ? lines.find((l) => l.slice(l.indexOf(' ') + 1).startsWith(reply)) : undefined);
}

function meaning(e: ReplyExplanation | undefined, prefix: string): string[] {
  return e ? [`${prefix}${e.title}`] : [];
}

function texts(...es: (ReplyExplanation | undefined)[]): string[] {
  return es.flatMap((e) => (e ? [`${e.token}: ${e.text}`] : []));
}

function smtpParts(code: string, enhanced: string | undefined): ReplyPart[] {
  const digit = code[0]!;
  const parts: ReplyPart[] = [{
    kind: 'code', wire: code, label: 'Reply code',
    meanings: [...meaning(explainSmtp(code), `${code}: `), ...meaning(explainSmtp(`${digit}yz`), `${digit}yz: `), ...meaning(explainSmtp(`x${code[1]}z`), `x${code[1]}z: `)],
    sources: [...new Set([explainSmtp(`${digit}yz`)?.rfc, explainSmtp(code)?.rfc].filter((s): s is string => s !== undefined))],
    texts: texts(explainSmtp(code), explainSmtp(`${digit}yz`), explainSmtp(`x${code[1]}z`)),
  }];
  if (enhanced) {
    const [c, s, d] = enhanced.split('.') as [string, string, string];
    const detail = explainSmtp(`X.${s}.${d}`);
    parts.push({
      kind: 'enhanced', wire: enhanced, label: 'Enhanced status code (class.subject.detail)',
      meanings: [...meaning(explainSmtp(`${c}.X.X`), `class ${c}: `), ...meaning(explainSmtp(`X.${s}.X`), `subject ${s}: `), ...meaning(detail, `detail ${s}.${d}: `)],
      sources: [...new Set(['RFC 3463 §2', ...(detail ? [detail.rfc] : [])])],
      texts: texts(explainSmtp(`${c}.X.X`), explainSmtp(`X.${s}.X`), detail),
    });
  }
  return parts;
}

/** The reply line cut into parts with their meanings. */
export function replyParts(protocol: Scenario['protocol'], line: string): ReplyPart[] {
  const tokens = tokenize(protocol, line);
  const parts: ReplyPart[] = [];
  let rest = '';
  let i = 0;
  const { explain } = catalogueOf(protocol);
  for (; i < tokens.length; i++) {
    const t: Token = tokens[i]!;
    if (t.kind === 'code') {
      const enhanced = tokens.find((x) => x.kind === 'enhanced')?.text;
      parts.push(...smtpParts(t.text, enhanced));
      if (tokens[i + 1]?.text === '-') parts[0]!.meanings.push('the hyphen after it: more lines of this reply follow');
      if (tokens[i + 1]?.kind === 'text' && /^[ -]$/.test(tokens[i + 1]!.text)) i++;
    } else if (t.kind === 'enhanced') {
      continue;
    } else if (t.kind === 'tag' || t.kind === 'untagged' || t.kind === 'continuation') {
      const e = explain(t.key ?? t.text);
      parts.push({ kind: 'tag', wire: t.text, label: t.kind === 'tag' ? 'Tag' : t.kind === 'untagged' ? 'Untagged' : 'Continuation', meanings: meaning(e, ''), sources: e ? [e.rfc] : [], texts: texts(e) });
    } else if (t.kind === 'keyword') {
      const e = explain(t.key ?? t.text);
      parts.push({ kind: 'status', wire: `${rest}${t.text}`.trim(), label: 'Data', meanings: meaning(e, `${t.text}: `), sources: e ? [e.rfc] : [], texts: texts(e) });
      rest = '';
    } else if (t.kind === 'status') {
      const e = explain(t.key ?? t.text);
      parts.push({ kind: 'status', wire: t.text, label: 'Status', meanings: meaning(e, `${t.text}: `), sources: e ? [e.rfc] : [], texts: texts(e) });
    } else if (t.kind === 'respCode') {
      // "[" atom and the arguments up to "]": the response code as the line carries it.
      const after = tokens.slice(i + 1).map((x) => x.text).join('');
      const close = after.indexOf(']');
      const e = explain(t.key ?? t.text);
      parts.push({ kind: 'respCode', wire: `[${t.text}${close >= 0 ? after.slice(0, close + 1) : ''}`, label: 'Response code', meanings: meaning(e, ''), sources: e ? [e.rfc] : [], texts: texts(e) });
      rest = close >= 0 ? after.slice(close + 1) : after;
      break;
    } else if (t.text !== '[') {
      rest += t.text;
    }
  }
  const free = rest.trim();
  if (free !== '') parts.push({ kind: 'text', wire: free, label: FREE_TEXT.label, meanings: [FREE_TEXT.meaning], sources: [lineProfileOf(protocol).replyTextSource], texts: [FREE_TEXT.text] });
  return parts;
}
