/** Zod schema of the protocol-facts file: every fact carries its source and the date it was last checked. */
import { z } from 'zod';

import { featureIds, portRoles, protocolIds, securityModes, supportLevels } from './ids.ts';

export * from './ids.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  // Date.parse rolls 2026-02-31 over to March, so compare the round trip instead.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/** Where a fact comes from. An RFC section, the IANA registry, or an official document. */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({
    /** An IETF RFC. */
    kind: z.literal('rfc'),
    /** RFC number, e.g. 5321. */
    rfc: z.number().int().positive(),
    /** Section, e.g. "4.5.3.1" or "Appendix A"; omit only when the whole RFC is meant. */
    section: z.string().min(1).optional(),
  }),
  z.object({
    /** The IANA Service Name and Transport Protocol Port Number Registry. */
    kind: z.literal('iana'),
    /** The port looked up in the registry. */
    port: z.number().int().min(1).max(65535),
  }),
  z.object({
    /** An official document of a vendor or standards body (not a blog post). */
    kind: z.literal('doc'),
    /** The document's title as its publisher gives it. */
    title: z.string().min(3),
    /** The document's address. */
    url: z.url({ protocol: /^https$/ }),
  }),
]);
/** A source of a fact. */
export type Source = z.infer<typeof sourceSchema>;

/** What every fact carries besides its value: where it comes from and when someone last checked it. */
const provenance = {
  /** At least one source; the first is the one shown first. */
  sources: z.array(sourceSchema).min(1, 'every fact needs a source'),
  /** The day a person last checked this fact against its sources (YYYY-MM-DD). */
  lastVerified: isoDate,
};

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
  /** How the connection is protected. */
  security: z.enum(securityModes),
  /** One sentence a learner reads next to the port. */
  description: z.string().min(10),
  /** The RFCs that govern the port's use, most specific first. */
  governingRfcs: z.array(z.number().int().positive()).min(1),
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

/** The whole facts file. */
export const factsSchema = z
  .object({
    /** Protocols, in teaching order. */
    protocols: z.array(protocolSchema),
    /** Ports, in the order the port table shows them. */
    ports: z.array(portSchema),
    /** Comparison rows. */
    features: z.array(featureSchema),
  })
  .superRefine((facts, ctx) => {
    const seen = new Set<number>();
    for (const p of facts.ports) {
      if (seen.has(p.port)) ctx.addIssue({ code: 'custom', message: `port ${p.port} is listed twice` });
      seen.add(p.port);
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
