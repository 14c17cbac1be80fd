/**
 * What an eavesdropper on the network sees of each transcript line. Plaintext lines cross the wire as they
 * are; a line inside TLS crosses as a TLS 1.3 application-data record (RFC 8446 §5.2): a 5-byte header, the
 * line and its CRLF, one content-type byte and a 16-byte AEAD tag, all but the header unreadable. The bytes
 * here are simulated: pseudo-random, but the same for the same line at the same position, so a replayed
 * session looks the same every time.
 */
import type { TranscriptEntry } from '../../protocols/shared/session-types.ts';

/** Bytes a TLS 1.3 record adds around the line: header (5), inner content type (1), AEAD tag (16). */
export const TLS_RECORD_OVERHEAD = 22;

/** One line as the network carries it. */
export interface WireLine {
  text: string;
  /** True when `text` is simulated ciphertext rather than the line itself. */
  ciphertext: boolean;
}

/** FNV-1a over the line and its position: a seed that differs per line, as TLS nonces do per record. */
function seedOf(text: string, position: number): number {
  let h = 0x811c9dc5 ^ position;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a tiny deterministic generator; not cryptographic, and it need not be. */
function bytesFrom(seed: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  let a = seed;
  for (let i = 0; i < count; i += 1) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** The TLS record carrying `line` (plus CRLF), as base64: a real header, then simulated encrypted bytes. */
export function ciphertextOf(line: string, position: number): string {
  const length = line.length + 2 + 1 + 16;
  const record = new Uint8Array(5 + length);
  // application_data (23), legacy version TLS 1.2 (3,3) as TLS 1.3 sends it, then the length.
  record.set([23, 3, 3, length >> 8, length & 0xff]);
  record.set(bytesFrom(seedOf(line, position), length), 5);
  return base64(record);
}

/** What the wire shows for one transcript entry at `position` in the transcript. */
export function wireLine(entry: TranscriptEntry | { kind: 'event'; text: string }, position: number): WireLine {
  if (entry.kind === 'event' || !entry.encrypted) return { text: entry.text, ciphertext: false };
  // An HTTP message crosses as one record holding all of it (start line, fields, body), not only its start line.
  const message = entry.kind === 'request' ? entry.request : entry.kind === 'response' ? entry.response : undefined;
  const plain = message ? [entry.text, ...message.headers.map(([n, v]) => `${n}: ${v}`), '', message.body].join('\r\n') : entry.text;
  return { text: ciphertextOf(plain, position), ciphertext: true };
}
