/** Zod schema of the protocol-facts file: every fact carries its source and the date it was last checked. */
import { z } from 'zod';

import { featureIds, portRoles, protocolIds, securityModes, supportLevels, tlsBeforeLoginPolicies } from './ids.ts';
import { isoDate, lessonTags, provenance, slug, sourceSchema } from './schema-base.ts';
import { causesSchema, troubleSchema } from './schema-troubles.ts';

export * from './ids.ts';
export { sourceSchema, type Source } from './schema-base.ts';
export { causeSchema, troubleSchema, type Cause, type Trouble } from './schema-troubles.ts';

/** A protocol the course covers. */
export const protocolSchema = z.object({
  /** Stable id, used in URLs and props. */
  id: z.enum(protocolIds),
  /** Short name for table headers, e.g. "SMTP submission". */
  name: z.string().min(2),
  /** One sentence saying what it is. */
  summary: z.string().min(10),
  ...provenance,
});
/** A protocol entry. */
export type Protocol = z.infer<typeof protocolSchema>;

/** A well-known port and what runs on it. */
export const portSchema = z.object({
  /** TCP port number. */
  port: z.number().int().min(1).max(65535),
  /** The course's protocols that use this port (443 serves several; 80 only redirects Exchange clients). */
  protocols: z.array(z.enum(protocolIds)).min(1),
  /** What the port is for. */
  role: z.enum(portRoles),
  /** The service name IANA registers for this port (for 2525 a non-mail service: that is the point). */
  ianaName: z.string().min(2),
  /** Whether IANA registers a mail or web service of this role on the port. */
  ianaRegisteredForRole: z.boolean(),
  /** What the protocol does on the port: plaintext, a plaintext start upgraded with STARTTLS/STLS, or TLS first. */
  security: z.enum(securityModes),
  /**
   * STARTTLS ports only: whether TLS before a login is opportunistic (relay, where a public MX must not require it)
   * or the server's configuration (submission and access, where a well-configured server refuses logins first).
   */
  tlsBeforeLogin: z.enum(tlsBeforeLoginPolicies).optional(),
  /** One sentence a learner reads next to the port. */
  description: z.string().min(10),
  /** The RFCs that govern the port's use, most specific first; none for a vendor convention such as 2525. */
  governingRfcs: z.array(z.number().int().positive()),
  /** The common misconception this port corrects, stated as the myth and the correction. */
  misconception: z.object({
    /** What popular articles claim. */
    myth: z.string().min(10),
    /** What is true instead. */
    correction: z.string().min(10),
  }),
  /** Sources per column; the IANA name's source is the registry itself and is added automatically. */
  sources: z.object({
    /** For the protocol and role. */
    role: z.array(sourceSchema).min(1, 'every fact needs a source'),
    /** For the security mode. */
    security: z.array(sourceSchema).min(1, 'every fact needs a source'),
    /** For the misconception's correction. */
    misconception: z.array(sourceSchema).min(1, 'every fact needs a source'),
    /** For what the description states (the quiz cites them when it asks the description as a fact). */
    description: z.array(sourceSchema).min(1, 'every fact needs a source'),
  }),
  /** The day a person last checked this port's facts against their sources (YYYY-MM-DD). */
  lastVerified: isoDate,
});
/** A port entry. */
export type PortFact = z.infer<typeof portSchema>;

/** One cell of the comparison table: a protocol's answer to a feature. */
export const featureCellSchema = z.object({
  /** Yes, partly, no, not applicable, or plain information (for descriptive rows). */
  support: z.enum(supportLevels),
  /** The answer in a few words. */
  text: z.string().min(2),
  ...provenance,
});
/** A comparison cell. */
export type FeatureCell = z.infer<typeof featureCellSchema>;

/** A row of the comparison table. */
export const featureSchema = z.object({
  /** Stable id. */
  id: z.enum(featureIds),
  /** Row header as the learner reads it. */
  label: z.string().min(2),
  /** Cells by protocol. Omitted only for rows derived from other data (default ports). */
  cells: z.partialRecord(z.enum(protocolIds), featureCellSchema),
});
/** A comparison row. */
export type Feature = z.infer<typeof featureSchema>;

/** A common belief about mail that is not tied to one port (those live on the port as its misconception). */
export const mythSchema = z.object({
  /** Stable id, e.g. "pop3-deletes"; the quiz asks it as `myth-or-fact:myth:<id>`. */
  id: slug,
  /** What popular articles claim, as one sentence a learner judges. */
  myth: z.string().min(10),
  /** What is true instead; its first sentence is true on its own, because the quiz asks it as a fact. */
  correction: z.string().min(10),
  /** The lessons whose callouts and quizzes use this myth. */
  lessons: lessonTags,
  ...provenance,
});
/** A general myth. */
export type Myth = z.infer<typeof mythSchema>;

/** Situation options name data instead of restating it; the quiz turns each into a label. A role's registered ports. */
const roleOption = z.object({
  /** The ports IANA registers for a role, e.g. "SMTP submission on port 587 or 465". */
  kind: z.literal('role'),
  /** The role whose registered ports are meant. */
  role: z.enum(portRoles),
});
/** A protocol and its registered ports. */
const protocolOption = z.object({
  /** A protocol with its registered ports, e.g. "POP3 on port 110 or 995". */
  kind: z.literal('protocol'),
  /** The protocol meant. */
  protocol: z.enum(protocolIds),
});
/** One port of the data file. */
const portOption = z.object({
  /** One port of the data file with its security, e.g. "MAPI over HTTP on port 443 (HTTPS)". */
  kind: z.literal('port'),
  /** The port; it must be listed in `ports`. */
  port: z.number().int().min(1).max(65535),
  /** What runs on it, when the port's protocol names are too broad; the port's description must name it. */
  via: z.string().min(2).optional(),
});

/** A wrong answer of a situation: data as above, or a literal label for what the data has no entry for. */
export const situationOptionSchema = z.discriminatedUnion('kind', [
  roleOption,
  protocolOption,
  portOption,
  z.object({
    /** A label the data cannot produce, e.g. "RPC over TCP on port 135"; it must name no port of `ports`. */
    kind: z.literal('literal'),
    /** The label as the learner reads it. */
    label: z.string().min(3),
  }),
]);
/** A wrong answer of a situation. */
export type SituationOption = z.infer<typeof situationOptionSchema>;

/** The right answer of a situation, always derived from the data; never a literal. */
export const situationAnswerSchema = z.discriminatedUnion('kind', [
  roleOption,
  protocolOption,
  portOption,
  z.object({
    /** The one protocol of `among` whose comparison cells say "yes" to every feature; the others are the wrong answers. */
    kind: z.literal('feature'),
    /** The comparison rows the situation asks for. */
    features: z.array(z.enum(featureIds)).min(1),
    /** The protocols offered, in reading order (2 to 4); exactly one may answer "yes" to all `features`. */
    among: z.array(z.enum(protocolIds)).min(2).max(4),
  }),
]);
/** The right answer of a situation. */
export type SituationAnswer = z.infer<typeof situationAnswerSchema>;

/** An everyday situation the quiz asks about ("port 25 is blocked: how do you send?"), answered from the data. */
export const situationSchema = z
  .object({
    /** Stable id, e.g. "port-25-blocked"; the quiz asks it as `situation:<id>`. */
    id: slug,
    /** The situation and its question, as the learner reads it. */
    prompt: z.string().min(10),
    /** What answers it, as a reference into the data. */
    answer: situationAnswerSchema,
    /** Wrong answers (1 to 3); none for a feature answer, whose other protocols are the wrong answers. */
    distractors: z.array(situationOptionSchema).max(3).optional(),
    /** A sentence or two the learner reads after answering. */
    explanation: z.string().min(10),
    /** The lessons whose quizzes ask this situation. */
    lessons: lessonTags,
    ...provenance,
  })
  .superRefine((s, ctx) => {
    const n = s.distractors?.length ?? 0;
    if (s.answer.kind === 'feature' && n > 0) {
      ctx.addIssue({ code: 'custom', message: `situation ${s.id}: a feature answer takes no distractors` });
    }
    if (s.answer.kind !== 'feature' && n === 0) {
      ctx.addIssue({ code: 'custom', message: `situation ${s.id} needs at least one distractor` });
    }
  });
/** A situation entry. */
export type Situation = z.infer<typeof situationSchema>;

/** What a port role or a security mode means, for the lessons' definition lists; its name is in lookup.ts. */
export const termSchema = z.object({
  /** One or two sentences a learner reads next to the term's name. */
  definition: z.string().min(10),
  ...provenance,
});
/** A defined term. */
export type Term = z.infer<typeof termSchema>;

/** Adds an issue for every id that occurs twice in a list. */
function uniqueIds(kind: string, ids: readonly (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string | number>();
  for (const id of ids) {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `${kind} ${id} is listed twice` });
    seen.add(id);
  }
}

/** A port's security and login policy agree, and a port registered for its role names the RFCs that govern it. */
function checkPort(p: PortFact, ctx: z.RefinementCtx): void {
  if ((p.security === 'starttls') !== (p.tlsBeforeLogin !== undefined)) {
    ctx.addIssue({ code: 'custom', message: `port ${p.port}: tlsBeforeLogin is given exactly when the security is starttls` });
  }
  if (p.ianaRegisteredForRole && p.governingRfcs.length === 0) {
    ctx.addIssue({ code: 'custom', message: `port ${p.port} is registered for its role, so it names the RFCs that govern it` });
  }
}

/** The port options of a situation, its answer included. */
function portOptions(s: Situation): { port: number; via?: string | undefined }[] {
  return [s.answer, ...(s.distractors ?? [])].flatMap((o) => (o.kind === 'port' ? [o] : []));
}

/** The whole facts file. */
export const factsSchema = z
  .object({
    /** Protocols, in teaching order. */
    protocols: z.array(protocolSchema),
    /** Ports, in the order the port table shows them. */
    ports: z.array(portSchema),
    /** Comparison rows. */
    features: z.array(featureSchema),
    /** Common beliefs not tied to one port, in the order the quiz lists them. */
    myths: z.array(mythSchema),
    /** Everyday situations the quiz asks about, in the order it lists them. */
    situations: z.array(situationSchema),
    /** What each port role means (RFC 6409 §1 separates relay from submission; RFC 8314 §1 names access). */
    roles: z.record(z.enum(portRoles), termSchema),
    /** What each security mode means (RFC 3207 §4, RFC 8314 §3). */
    security: z.record(z.enum(securityModes), termSchema),
    /** What each STARTTLS policy means: opportunistic relay (RFC 3207 §4) or the server's configuration. */
    tlsBeforeLogin: z.record(z.enum(tlsBeforeLoginPolicies), termSchema),
    /** What a real-life reply can tell a learner, and what to do about it. */
    causes: causesSchema,
    /** The replies (and silences) of the troubleshooting lesson, each reproduced by a scenario or a TLS check. */
    troubles: z.array(troubleSchema),
  })
  .superRefine((facts, ctx) => {
    uniqueIds('port', facts.ports.map((p) => p.port), ctx);
    uniqueIds('myth', facts.myths.map((m) => m.id), ctx);
    uniqueIds('situation', facts.situations.map((s) => s.id), ctx);
    uniqueIds('trouble', facts.troubles.map((t) => t.id), ctx);
    for (const p of facts.ports) checkPort(p, ctx);
    const ports = new Map(facts.ports.map((p) => [p.port, p]));
    for (const s of facts.situations) {
      for (const o of portOptions(s)) {
        const p = ports.get(o.port);
        if (!p) ctx.addIssue({ code: 'custom', message: `situation ${s.id} names port ${o.port}, which ports does not list` });
        else if (o.via !== undefined && !p.description.includes(o.via)) {
          ctx.addIssue({ code: 'custom', message: `situation ${s.id}: port ${o.port}'s description does not name ${o.via}` });
        }
      }
      for (const o of s.distractors ?? []) {
        if (o.kind !== 'literal') continue;
        for (const n of o.label.match(/\d+/g) ?? []) {
          if (ports.has(Number(n))) {
            ctx.addIssue({ code: 'custom', message: `situation ${s.id}: "${o.label}" names port ${n}; use a port option` });
          }
        }
      }
    }
    for (const f of facts.features) {
      if (f.id === 'defaultPorts') continue;
      for (const id of protocolIds) {
        if (!f.cells[id]) ctx.addIssue({ code: 'custom', message: `feature ${f.id} has no cell for ${id}` });
      }
    }
  });
/** The facts file after validation. */
export type Facts = z.infer<typeof factsSchema>;
