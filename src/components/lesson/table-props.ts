/** Props of the zero-JS fact tables, checked with zod so a lesson with a typo fails the build clearly. */
import { z } from 'zod';
import { featureIds, protocolIds, type FeatureId, type ProtocolId } from '../../data/index.ts';

/** ComparisonTable's props. */
export const comparisonTablePropsSchema = z.object({
  /** Protocol columns to show, in this order; all by default. */
  protocols: z.array(z.enum(protocolIds)).min(1).default([...protocolIds]),
  /** Feature rows to show, in this order; all by default. */
  rows: z.array(z.enum(featureIds)).min(1).default([...featureIds]),
  /** Caption; every table needs one. */
  caption: z.string().min(3).default('How the mail protocols compare'),
  /** Prefix for element ids, unique per page. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/).default('compare'),
});

/** PortTable's props. */
export const portTablePropsSchema = z.object({
  /** Ports to show, in this order; all by default. */
  ports: z.array(z.number().int()).min(1).optional(),
  /** Show only ports these protocols use. */
  protocols: z.array(z.enum(protocolIds)).min(1).optional(),
  /** Caption. */
  caption: z.string().min(3).default('Mail ports, what runs on them, and how they are protected'),
  /** Whether to show the misconception column. */
  misconceptions: z.boolean().default(true),
  /** Prefix for element ids, unique per page. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/).default('ports'),
});

/** Parses props or throws one readable error naming the component and the bad values. */
export function parseTableProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(props)'}: ${i.message}`).join('; ');
  throw new Error(`<${component}> got invalid props: ${problems}`);
}

export type { FeatureId, ProtocolId };
