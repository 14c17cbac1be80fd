/**
 * Quiz questions about what servers say. `reply`: what a real-life reply tells you, from the data file's troubles
 * and causes. `reply-class`: what an SMTP first digit, a POP3 status or an IMAP status or marker means, from the
 * engine's own reply catalogues, so the quiz cannot disagree with the explanations the simulator shows.
 */
import { facts, troubleLessons } from '../data/lookup.ts';
import type { CauseId, LessonId, Trouble } from '../data/lookup.ts';
import { explainImap } from '../protocols/imap/replies.ts';
import { TAG_KEY } from '../protocols/imap/keys.ts';
import { explainPop3 } from '../protocols/pop3/replies.ts';
import { REPLY_CLASSES } from '../protocols/smtp/codes.ts';
import type { ReplyExplanation } from '../protocols/shared/explanation.ts';
import type { LineProtocolName } from '../protocols/registry.ts';
import { catalogueCitation, citation } from './cite.ts';
import type { QuizOption, QuizQuestion } from './types.ts';

/** Options per reply question: the right cause and up to this many others. */
const OTHER_CAUSES = 3;

/** How each protocol is named in a prompt. */
const PROTOCOL_NAMES = { smtp: 'An SMTP', pop3: 'A POP3', imap: 'An IMAP' } as const;

/** A cause as an option. */
function causeOption(id: CauseId): QuizOption {
  return { id: `cause-${id}`, label: facts.causes[id].label };
}

/**
 * The wrong causes for a trouble: causes of other troubles, those of the same protocol first, never the trouble's
 * own cause nor one its reply can also mean (`alsoMeans`), so no wrong option is defensible.
 */
function otherCauses(t: Trouble, asked: readonly Trouble[]): CauseId[] {
  const excluded = new Set<CauseId>([t.cause, ...(t.alsoMeans ?? [])]);
  const found: CauseId[] = [];
  for (const o of [...asked.filter((x) => x.protocol === t.protocol), ...asked]) {
    if (o.id !== t.id && !excluded.has(o.cause) && !found.includes(o.cause)) found.push(o.cause);
  }
  return found.slice(0, OTHER_CAUSES);
}

/** "A server answers `535 5.7.8`. What is it telling you?": one per trouble with a reply; the causes are the options. */
export function replyQuestions(): QuizQuestion[] {
  const asked = facts.troubles.filter((t) => t.reply !== undefined && t.protocol !== 'none');
  return asked.map((t) => {
    const protocol = t.protocol as keyof typeof PROTOCOL_NAMES;
    const cause = facts.causes[t.cause];
    return {
      id: `reply:${t.id}`,
      topic: 'reply',
      prompt: `${PROTOCOL_NAMES[protocol]} server answers “${t.reply}”${t.when ? ` ${t.when}` : ''}. What is it telling you?`,
      options: [t.cause, ...otherCauses(t, asked)].map(causeOption),
      answer: `cause-${t.cause}`,
      explanation: [cause.action, t.note].filter(Boolean).join(' '),
      source: citation(t.sources),
      lessons: troubleLessons(t),
    };
  });
}

/** One catalogue entry a reply-class question asks about or offers. */
interface Entry {
  key: string;
  entry: ReplyExplanation;
}

/** A catalogue entry that must exist; the quiz names it. */
function need(entry: ReplyExplanation | undefined, token: string): ReplyExplanation {
  if (!entry) throw new Error(`the reply catalogue has no entry for ${token}`);
  return entry;
}

/** A reply-class question: the entry asked about and the wrong entries, in the order offered. */
function classQuestion(protocol: LineProtocolName, asked: Entry, wrong: readonly Entry[], prompt: string): QuizQuestion {
  const lesson: LessonId = protocol;
  return {
    id: `reply-class:${protocol}:${asked.key}`,
    topic: 'reply-class',
    prompt,
    options: [asked, ...wrong].map((e) => ({ id: e.key, label: e.entry.title })),
    answer: asked.key,
    explanation: asked.entry.text,
    source: catalogueCitation(asked.entry.rfc),
    lessons: ['transcripts', lesson],
  };
}

/** SMTP's first digits (2yz to 5yz), each against the other three (RFC 5321 §4.2.1). */
function smtpClasses(): QuizQuestion[] {
  const entries: Entry[] = Object.entries(REPLY_CLASSES).map(([key, m]) => ({ key, entry: { token: key, ...m } }));
  return entries.map((e) =>
    classQuestion(
      'smtp',
      e,
      entries.filter((o) => o !== e),
      `An SMTP reply code starts with the digit ${e.key[0]} (${e.key}). What does that say?`,
    ),
  );
}

/** POP3's two status indicators, each against the other (RFC 1939 §3). */
function pop3Statuses(): QuizQuestion[] {
  const entries: Entry[] = [
    { key: 'ok', entry: need(explainPop3('+OK'), '+OK') },
    { key: 'err', entry: need(explainPop3('-ERR'), '-ERR') },
  ];
  return entries.map((e) =>
    classQuestion('pop3', e, entries.filter((o) => o !== e), `A POP3 response starts with ${e.entry.token}. What does that say?`),
  );
}

/**
 * IMAP's statuses (OK, NO, BAD) against each other and BYE, and its line markers (* and +) against each other and
 * the command tag: a marker question offers no status, since a "* OK" line is untagged and OK at once.
 */
function imapStatuses(): QuizQuestion[] {
  const entry = (key: string, token: string): Entry => ({ key, entry: need(explainImap(token), token) });
  const statuses = [entry('ok', 'OK'), entry('no', 'NO'), entry('bad', 'BAD')];
  const markers = [entry('untagged', '*'), entry('continuation', '+')];
  const bye = entry('bye', 'BYE');
  const tag = entry('tag', TAG_KEY);
  return [
    ...statuses.map((e) =>
      classQuestion(
        'imap',
        e,
        [...statuses.filter((o) => o !== e), bye],
        `An IMAP server ends its answer to a command with the command’s tag and ${e.entry.token}. What does that say?`,
      ),
    ),
    ...markers.map((e) =>
      classQuestion('imap', e, [...markers.filter((o) => o !== e), tag], `An IMAP server sends a line that starts with ${e.entry.token}. What does that say?`),
    ),
  ];
}

/** Every reply-class question: SMTP, then POP3, then IMAP. */
export function replyClassQuestions(): QuizQuestion[] {
  return [...smtpClasses(), ...pop3Statuses(), ...imapStatuses()];
}
