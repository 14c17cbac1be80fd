/**
 * The identity platform's HTTP plumbing: form bodies and queries (application/x-www-form-urlencoded, as the
 * OAuth 2.0 endpoints take them, RFC 6749 §4.1.3), JSON answers, and the error shape Microsoft documents for
 * its token endpoint: error, an error_description that starts "AADSTSnnnnn:", error_codes, timestamp, trace and
 * correlation ids (learn.microsoft.com, "Microsoft identity platform and the OAuth 2.0 authorization code flow").
 */
import type { HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld } from '../../shared/world.ts';
import { fromOctets, toOctets } from '../xml-write.ts';

/** Form fields by name; a name given twice is kept as written first, and `repeated` says so. */
export interface Form {
  fields: Map<string, string>;
  repeated: boolean;
}

/** Decodes a form or query string; undefined when a percent-escape is broken or the text is not UTF-8. */
export function parseForm(text: string): Form | undefined {
  const fields = new Map<string, string>();
  let repeated = false;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawName, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
    if (fields.has(name)) repeated = true;
    else fields.set(name, value);
  }
  return { fields, repeated };
}

/** The form a POST body carries (octets, UTF-8), or undefined when it is not one. */
export function formBody(body: string): Form | undefined {
  const text = fromOctets(body);
  return text === undefined ? undefined : parseForm(text);
}

/** A JSON response; the body is UTF-8 octets. */
export function json(status: number, reason: string, value: unknown, headers: readonly (readonly [string, string])[] = []): HttpResponse {
  return { status, reason, headers: [['Content-Type', 'application/json; charset=utf-8'], ['Cache-Control', 'no-store'], ...headers], body: toOctets(JSON.stringify(value)) };
}

/** A lower-case GUID from the world's random source, so transcripts repeat under a seed. */
export function guid(world: MailWorld): string {
  const hex = (world.newQueueId() + world.newQueueId() + world.newQueueId()).toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An opaque credential (a code, a refresh token): `prefix` then 32 random base64url-ish characters. */
export function opaque(world: MailWorld, prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const hex = world.newQueueId() + world.newQueueId() + world.newQueueId() + world.newQueueId();
  let out = prefix;
  for (let i = 0; i + 1 < hex.length && out.length < prefix.length + 22; i += 2) out += alphabet[parseInt(hex.slice(i, i + 2), 16) % 64];
  return out;
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized' };

/** "2026-11-21 09:00:01Z", the timestamp format of the token endpoint's errors. */
export function stsTimestamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A token endpoint error (RFC 6749 §5.2) as Entra ID sends it: 400, or 401 for invalid_client when the client
 * authenticated (RFC 6749 §5.2 allows 401 there; Entra uses it for a bad secret).
 */
export function stsError(world: MailWorld, error: string, code: number, text: string, status = 400): HttpResponse {
  const now = world.clock.peek();
  const trace = guid(world);
  const correlation = guid(world);
  const timestamp = stsTimestamp(now);
  return json(status, REASONS[status] ?? 'Bad Request', {
    error,
    error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: trace,
    correlation_id: correlation,
    error_uri: `https://login.microsoftonline.test/error?code=${code}`,
  });
}
