/** The zod schema of HTTP scenario files (src/content/scenarios/exchange-*.json and test scenarios), for the build and the tests only. */
import { z } from 'zod';
import { httpServerOf } from '../protocols/http-servers.ts';
import { HTTP_PROFILES, type HttpProtocolName } from '../protocols/registry.ts';
import { SERVER_HOST } from '../protocols/shared/host.ts';
import type { HttpScenario } from './http-scenario.ts';
import { xmlToWbxml } from './http-body.ts';
import { placeholdersIn } from './http-values.ts';

const host = z.string().regex(/^[a-z0-9.-]+$/, 'a host name in lower case, without a port');
const address = z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'a mail address such as bob@example.test');

/** One request of a scenario; Host is added from the step's or scenario's host and port unless the step sets it. */
const requestSchema = z
  .strictObject({
    method: z.string().min(1).max(20),
    target: z.string().min(1),
    headers: z.array(z.tuple([z.string().min(1), z.string()])).optional(),
    body: z.string().optional(),
    xml: z.string().min(1).optional(),
    host: host.optional(),
    port: z.number().int().optional(),
  })
  .refine((r) => r.body === undefined || r.xml === undefined, 'a request has a body or ActiveSync xml, not both');

const eventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('deliver'), from: address, to: address, subject: z.string().min(1).regex(/^[^\r\n]*$/), body: z.string().min(1) }),
  z.strictObject({ kind: z.literal('clock'), seconds: z.union([z.number().int().positive().max(86_400), z.string().regex(/^\{\{[A-Za-z][\w-]*\}\}$/, 'a {{placeholder}}')]) }),
]);

const pattern = z.string().min(1).refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression');

const captureSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('json'), path: z.array(z.union([z.string(), z.number().int().nonnegative()])).min(1) }),
  z.strictObject({ from: z.literal('header'), name: z.string().min(1), pattern: pattern.optional() }),
  z.strictObject({ from: z.literal('body'), pattern }),
]);

/** One step: a request, the status it must get, and a note. */
const stepSchema = z.strictObject({
  request: requestSchema,
  /** The status code the response must carry, e.g. "200" or "405". */
  expect: z.string().regex(/^(?:[1-5]\d\d|-)$/, 'an HTTP status code such as "200", or "-" where nothing answers'),
  note: z.string().min(10).max(420),
  capture: z.record(z.string().regex(/^[A-Za-z][\w-]*$/, 'a capture name: a letter, then letters, digits, "_" or "-"'), captureSchema).optional(),
  before: z.array(eventSchema).min(1).optional(),
  during: z.array(eventSchema).min(1).optional(),
  repeat: z.number().int().min(2).max(20_000).optional(),
});

/** A whole HTTP scenario file. */
export const httpScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
  title: z.string().min(5).max(80),
  summary: z.string().min(20).max(400),
  protocol: z.enum(HTTP_PROFILES.map((p) => p.id) as [HttpProtocolName, ...HttpProtocolName[]]),
  port: z.number().int(),
  host: host.optional(),
  seed: z.number().int().positive().optional(),
  network: z.strictObject({ unreachable: z.array(z.string().regex(/^[a-z0-9.-]+:\d+$/, '"host:port"')).min(1) }).optional(),
  greetingNote: z.string().min(10).max(500),
  steps: z.array(stepSchema).min(1),
});

// Keeps the hand-written types in http-scenario.ts and the schema in step: this fails to compile if they drift.
const sameShape: (s: z.output<typeof httpScenarioSchema>) => HttpScenario = (s) => s;
void sameShape;

/** Problems across fields: hosts and ports served, placeholders that name an earlier capture, ActiveSync XML that encodes. */
function crossProblems(s: HttpScenario): string[] {
  const problems: string[] = [];
  if (!s.id.startsWith(`${s.protocol}-`)) problems.push(`id: must start with "${s.protocol}-"`);
  // The hosts a scenario may address are those the protocol's server answers as (HttpServer.hosts).
  const served = httpServerOf(s.protocol).ports.map((p) => p.port);
  const hosts = httpServerOf(s.protocol).hosts;
  if (!served.includes(s.port)) problems.push(`port: ${s.protocol} is not served on ${s.port}`);
  if (s.host !== undefined && !hosts.includes(s.host)) problems.push(`host: no server of ${s.protocol} answers for "${s.host}" (${hosts.join(', ')})`);
  const known = new Set<string>();
  s.steps.forEach((step, i) => {
    const at = `steps.${i}`;
    const r = step.request;
    if (r.port !== undefined && !served.includes(r.port)) problems.push(`${at}.request.port: ${s.protocol} is not served on ${r.port}`);
    const literal = /^https?:\/\/([^/:?#]+)/i.exec(r.target)?.[1]?.toLowerCase();
    for (const h of [r.host, literal]) if (h !== undefined && !hosts.includes(h)) problems.push(`${at}.request: no server of ${s.protocol} answers for "${h}" (${hosts.join(', ')})`);
    const texts = [r.target, r.body ?? '', r.xml ?? '', ...(r.headers ?? []).map(([, v]) => v), ...[...(step.before ?? []), ...(step.during ?? [])].map((e) => (e.kind === 'clock' ? String(e.seconds) : ''))];
    for (const name of texts.flatMap(placeholdersIn)) if (!known.has(name)) problems.push(`${at}.request: placeholder {{${name}}} names no capture of an earlier step`);
    if (r.xml !== undefined) {
      const encoded = xmlToWbxml(r.xml.replace(/\{\{[A-Za-z][\w-]*\}\}/g, '0'));
      if (!encoded.ok) problems.push(`${at}.request.xml: ${encoded.error}`);
    }
    const to = /^https?:/i.test(r.target) ? undefined : `${r.host ?? s.host ?? SERVER_HOST}:${r.port ?? s.port}`;
    if (step.expect === '-' && to !== undefined && !s.network?.unreachable.includes(to)) problems.push(`${at}.expect: "-" is for a step to a place the network leaves unreachable, and ${to} answers`);
    for (const name of Object.keys(step.capture ?? {})) known.add(name);
  });
  return problems;
}

/** Checks an HTTP scenario file; throws one readable error naming the file and every problem. */
export function parseHttpScenario(data: unknown, fileName: string): HttpScenario {
  const result = httpScenarioSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`scenario ${fileName} is invalid: ${result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  const s = result.data;
  const problems = crossProblems(s);
  if (s.id !== fileName.replace(/^.*\//, '').replace(/\.json$/, '')) problems.push(`id: "${s.id}" must equal the file name`);
  if (problems.length > 0) throw new Error(`scenario ${fileName} is invalid: ${problems.join('; ')}`);
  return s;
}
