/** The explanation a learner sees when opening an SMTP reply code or enhanced status code. */
import { CHALLENGE_KEY, explainChallenge } from '../shared/challenge.ts';
import type { ReplyExplanation } from '../shared/explanation.ts';
import { REPLY_CATEGORIES, REPLY_CLASSES, REPLY_CODES } from './codes.ts';
import { STATUS_CLASSES, STATUS_DETAILS, STATUS_SUBJECTS } from './enhanced-codes.ts';

/** A catalogue entry (the shape all three protocols share). */
export type SmtpExplanation = ReplyExplanation;

const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/**
 * Explains a token: a reply code ("250"), a first-digit class ("2yz", "2xx"), a second-digit category ("x5z"),
 * an enhanced status code ("5.1.1", "X.1.1"), an enhanced class ("5.X.X") or subject ("X.7.X"), or the base64
 * of a 334 challenge (key "base64:…", decoded). Undefined for anything else.
 */
export function explainSmtp(token: string): SmtpExplanation | undefined {
  if (token.startsWith(CHALLENGE_KEY)) return explainChallenge(token, 'RFC 4954 §4');
  const t = token.trim();
  if (/^[2-5][0-9]{2}$/.test(t)) {
    const m = own(REPLY_CODES, t);
    return m && { token: t, ...m };
  }
  const cls = /^([2-5])(?:yz|xx)$/i.exec(t);
  if (cls) return { token: t, ...REPLY_CLASSES[`${cls[1]}yz`]! };
  const cat = /^x([0-5])z$/i.exec(t);
  if (cat) return { token: t, ...REPLY_CATEGORIES[`x${cat[1]}z`]! };
  const enhanced = /^([245X])\.([0-9X]{1,3})\.([0-9X]{1,3})$/i.exec(t);
  if (!enhanced) return undefined;
  const [, c, subject, detail] = enhanced.map((p) => p.toUpperCase()) as [string, string, string, string];
  if (subject === 'X' || detail === 'X') {
    if (subject === 'X' && detail === 'X') return c === 'X' ? undefined : withToken(t, own(STATUS_CLASSES, c));
    return c === 'X' && detail === 'X' ? withToken(t, own(STATUS_SUBJECTS, subject)) : undefined;
  }
  const meaning = own(STATUS_DETAILS, `X.${subject}.${detail}`);
  if (!meaning) return undefined;
  if (c === 'X') return { token: t, ...meaning };
  const classMeaning = own(STATUS_CLASSES, c)!;
  return { token: t, title: meaning.title, text: `${classMeaning.title}: ${meaning.text}`, rfc: meaning.rfc };
}

function withToken(token: string, m: { title: string; text: string; rfc: string } | undefined): SmtpExplanation | undefined {
  return m && { token, ...m };
}
