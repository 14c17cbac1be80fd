/**
 * The schema of the troubleshooting data: causes (what a reply tells you and what to do) and troubles (the replies
 * people meet in real life, each reproduced on the engine by a scenario, or by a real TLS check).
 */
import { z } from 'zod';

import { causeIds, troubleProtocols } from './ids.ts';
import { provenance, slug } from './schema-base.ts';

/** What a reply can tell a learner, in the learner's words, and what to do about it. */
export const causeSchema = z.object({
  /** What the reply tells you, as a short sentence a learner recognises (the `reply` quiz offers it as an option). */
  label: z.string().min(10),
  /** What to do about it, in one to three sentences. */
  action: z.string().min(10),
  ...provenance,
});
/** A cause. */
export type Cause = z.infer<typeof causeSchema>;

/** Every cause, by id. */
export const causesSchema = z.record(z.enum(causeIds), causeSchema);

/** How a reply's first tokens look in each protocol: what the quiz and the Trouble component show. */
export const replyPatterns: Record<Exclude<(typeof troubleProtocols)[number], 'none'>, RegExp> = {
  // A 3-digit code, then optionally an enhanced status code (RFC 5321 §4.2, RFC 3463 §2).
  smtp: /^[2-5]\d\d(?: [245]\.\d{1,3}\.\d{1,3})?$/,
  // +OK or -ERR, then optionally a response code in brackets (RFC 1939 §3, RFC 2449 §8).
  pop3: /^(?:\+OK|-ERR)(?: \[[A-Z][A-Z/-]*\])?$/,
  // A status word, then optionally a response code in brackets (RFC 3501 §7.1, RFC 9051 §7.1).
  imap: /^(?:OK|NO|BAD|BYE)(?: \[[A-Z][A-Z-]*\])?$/,
};

/** How a trouble is reproduced for the learner: a guided scenario on the engine, or the build's real TLS check. */
export const reproductionSchema = z.discriminatedUnion('kind', [
  z.object({
    /** A guided scenario in src/content/scenarios; some server line of it starts with the trouble's reply. */
    kind: z.literal('scenario'),
    /** The scenario's id (its file name). */
    scenario: slug,
  }),
  z.object({
    /** The <CertificateCheck /> component: a real TLS handshake at build time against a self-signed certificate. */
    kind: z.literal('tls-check'),
    /** The cases it shows. */
    cases: z.array(z.enum(['self-signed', 'name-mismatch'])).min(1),
  }),
]);
/** How a trouble is reproduced. */
export type Reproduction = z.infer<typeof reproductionSchema>;

/** A reply people meet in real life (or a silence), what it tells them, and where the course reproduces it. */
export const troubleSchema = z
  .object({
    /** Stable id, e.g. "smtp-535"; `<Trouble id="smtp-535" />` and the quiz (`reply:<id>`) use it. */
    id: slug,
    /** The protocol that answers; `none` when no mail protocol is involved (a certificate warning). */
    protocol: z.enum(troubleProtocols),
    /** The reply as it starts, e.g. "535 5.7.8", "-ERR [IN-USE]", "NO [PRIVACYREQUIRED]"; absent when nothing answers. */
    reply: z.string().min(2).optional(),
    /** When the reply comes, if the reply alone could mean more than one cause, e.g. "to USER on port 110, before STLS". */
    when: z.string().min(5).optional(),
    /** What it tells you. */
    cause: z.enum(causeIds),
    /** Other causes the same reply can mean elsewhere: the quiz never offers them as wrong answers. */
    alsoMeans: z.array(z.enum(causeIds)).optional(),
    /** What else a learner should know about this reply, in a sentence or two. */
    note: z.string().min(10).optional(),
    /** Where the course reproduces it. */
    reproducedBy: reproductionSchema,
    ...provenance,
  })
  .superRefine((t, ctx) => {
    const issue = (message: string): void => ctx.addIssue({ code: 'custom', message: `trouble ${t.id}: ${message}` });
    if (t.protocol === 'none') {
      if (t.reply !== undefined) issue('a trouble without a protocol has no reply');
      if (t.reproducedBy.kind === 'scenario') issue('a scenario reproduces a protocol; name it');
      return;
    }
    if (t.reply !== undefined && !replyPatterns[t.protocol].test(t.reply)) issue(`"${t.reply}" is not how a ${t.protocol} reply starts`);
    if (t.reproducedBy.kind !== 'scenario') issue('a protocol trouble is reproduced by a scenario');
    else if (!t.reproducedBy.scenario.startsWith(`${t.protocol}-`)) issue(`scenario ${t.reproducedBy.scenario} is not a ${t.protocol} scenario`);
    if (t.alsoMeans?.includes(t.cause)) issue('alsoMeans repeats the cause');
  });
/** A trouble. */
export type Trouble = z.infer<typeof troubleSchema>;
