/** The zod schema of HTTP scenario files (src/content/test-scenarios/*.json), for the build and the tests only. */
import { z } from 'zod';
import { httpServerOf } from '../protocols/http-servers.ts';
import { HTTP_PROFILES, type HttpProtocolName } from '../protocols/registry.ts';
import type { HttpScenario } from './http-scenario.ts';

/** One request of a scenario; Host is added from the scenario's port unless the step sets it. */
const requestSchema = z.strictObject({
  method: z.string().min(1).max(20),
  target: z.string().min(1),
  headers: z.array(z.tuple([z.string().min(1), z.string()])).optional(),
  body: z.string().optional(),
});

/** One step: a request, the status it must get, and a note. */
const stepSchema = z.strictObject({
  request: requestSchema,
  /** The status code the response must carry, e.g. "200" or "405". */
  expect: z.string().regex(/^[1-5]\d\d$/, 'an HTTP status code such as "200"'),
  note: z.string().min(10).max(420),
});

/** A whole HTTP scenario file. */
export const httpScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
  title: z.string().min(5).max(80),
  summary: z.string().min(20).max(400),
  protocol: z.enum(HTTP_PROFILES.map((p) => p.id) as [HttpProtocolName, ...HttpProtocolName[]]),
  port: z.number().int(),
  seed: z.number().int().positive().optional(),
  greetingNote: z.string().min(10).max(500),
  steps: z.array(stepSchema).min(1),
});

// Keeps the hand-written types in http-scenario.ts and the schema in step: this fails to compile if they drift.
const sameShape: (s: z.output<typeof httpScenarioSchema>) => HttpScenario = (s) => s;
void sameShape;

/** Checks an HTTP scenario file; throws one readable error naming the file and every problem. */
export function parseHttpScenario(data: unknown, fileName: string): HttpScenario {
  const result = httpScenarioSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`scenario ${fileName} is invalid: ${result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  const s = result.data;
  const problems: string[] = [];
  if (!s.id.startsWith(`${s.protocol}-`)) problems.push(`id: must start with "${s.protocol}-"`);
  if (s.id !== fileName.replace(/^.*\//, '').replace(/\.json$/, '')) problems.push(`id: "${s.id}" must equal the file name`);
  if (!httpServerOf(s.protocol).ports.some((p) => p.port === s.port)) problems.push(`port: ${s.protocol} is not served on ${s.port}`);
  if (problems.length > 0) throw new Error(`scenario ${fileName} is invalid: ${problems.join('; ')}`);
  return s;
}
