/**
 * One session's transcript, bounded whatever the client sends: long lines are cut (transcript.ts), a literal
 * shows its first lines and then how many octets were left out, a long run of lines from one side (a message
 * after DATA, a RETR, one command's replies) shows its first lines and then how many were left out, and the
 * whole is rate-limited per session, saying how many lines were skipped.
 */
import { count, formatEvent, formatLine } from './transcript.ts';

/** How much of a session the transcript shows. */
export interface TranscriptLimits {
  /** Octets of one line shown before it is cut. */
  lineOctets: number;
  /** Lines of one literal shown before the rest is summed up. */
  literalLines: number;
  /** Lines in a row from one side (one reply, or client lines with no reply between) shown before the rest is summed up. */
  runLines: number;
  /** Lines a session may print per second, on average… */
  linesPerSecond: number;
  /** …and at once, after a quiet spell. */
  burstLines: number;
}

/** The defaults: a hand-typed session is never cut; a 10 MB FETCH or 100 MB of garbage prints a few hundred lines. */
export const TRANSCRIPT_LIMITS: TranscriptLimits = { lineOctets: 400, literalLines: 8, runLines: 40, linesPerSecond: 50, burstLines: 400 };

type Who = 'client' | 'server';

interface Side {
  /** Lines shown in the current run, and what was left out of it. */
  run: number;
  hiddenLines: number;
  hiddenOctets: number;
  /** Literal octets still to come on this side, lines of it shown, octets of it left out. */
  literal: number;
  literalShown: number;
  literalHidden: number;
}

const newSide = (): Side => ({ run: 0, hiddenLines: 0, hiddenOctets: 0, literal: 0, literalShown: 0, literalHidden: 0 });

/** The transcript of one session, written to `sink` line by line. */
export class SessionLog {
  readonly #tag: string;
  readonly #imap: boolean;
  readonly #sink: (line: string) => void;
  readonly #limits: TranscriptLimits;
  readonly #sides: Record<Who, Side> = { client: newSide(), server: newSide() };
  readonly #bucket: TokenBucket;
  #skipped = 0;

  constructor(tag: string, imap: boolean, sink: (line: string) => void, limits: TranscriptLimits = TRANSCRIPT_LIMITS, now: () => number = Date.now) {
    this.#tag = tag;
    this.#imap = imap;
    this.#sink = sink;
    this.#limits = limits;
    this.#bucket = new TokenBucket(limits.linesPerSecond, limits.burstLines, now);
  }

  /** A line the client sent; `literalOwed` is what an IMAP literal still owed before it (from the session's framing). */
  client(text: string, encrypted: boolean, literalOwed = 0): void {
    this.#endRun('server');
    const side = this.#sides.client;
    if (literalOwed > 0 && side.literal === 0) this.#startLiteral(side, literalOwed);
    side.literal = literalOwed;
    this.#line('client', text, encrypted);
  }

  /** Sums up whatever is still cut or skipped (the session is over). */
  flush(): void {
    this.#endRun('client');
    this.#endRun('server');
    this.#flushSkipped();
  }

  /** The server's lines for one step (a reply, a push, a greeting): each step is a run of its own. */
  server(lines: readonly string[], encrypted: boolean): void {
    if (lines.length === 0) return;
    this.#endRun('client');
    this.#endRun('server');
    const side = this.#sides.server;
    for (let i = 0; i < lines.length; i++) {
      // Deep in a literal already cut short, lines are only counted: in a tight loop, as a FETCH of a full mailbox
      // has half a million of them. The line that ends the literal goes through #line, which closes it.
      if (side.literal > 0 && side.literalShown >= this.#limits.literalLines) {
        let octets = lines[i]!.length + 2;
        while (octets < side.literal && i < lines.length - 1) {
          side.literal -= octets;
          side.literalHidden += octets;
          octets = lines[++i]!.length + 2;
        }
      }
      this.#line('server', lines[i]!, encrypted);
    }
  }

  /** An event (connect, TLS, close): always shown, after whatever was summed up or skipped before it. */
  event(text: string): void {
    this.#endRun('client');
    this.#endRun('server');
    this.#flushSkipped();
    this.#sink(formatEvent(this.#tag, text));
  }

  #line(who: Who, text: string, encrypted: boolean): void {
    const side = this.#sides[who];
    let tail = text;
    if (side.literal > 0) {
      const taken = Math.min(text.length + 2, side.literal);
      side.literal -= taken;
      // What follows the literal's last octet on this line is command (or response) again.
      tail = text.slice(Math.min(taken, text.length));
      if (side.literalShown < this.#limits.literalLines) {
        side.literalShown += 1;
        this.#show(who, text, encrypted);
      } else {
        side.literalHidden += taken;
        if (side.literal === 0) this.#note(`[… ${count(side.literalHidden)} more octets]`);
        if (tail !== '') this.#show(who, tail, encrypted);
      }
      if (side.literal === 0 && who === 'server') this.#openLiteral(side, tail);
      return;
    }
    this.#show(who, text, encrypted);
    if (who === 'server') this.#openLiteral(side, text);
  }

  /** A server line ending in `{n}` announces n literal octets (RFC 3501 §4.3); the client's come from the session. */
  #openLiteral(side: Side, text: string): void {
    if (!this.#imap || !text.endsWith('}')) return;
    const m = /\{(\d{1,15})\}$/.exec(text);
    if (m && Number(m[1]) > 0) this.#startLiteral(side, Number(m[1]));
  }

  #startLiteral(side: Side, octets: number): void {
    side.literal = octets;
    side.literalShown = 0;
    side.literalHidden = 0;
  }

  #show(who: Who, text: string, encrypted: boolean): void {
    const side = this.#sides[who];
    if (side.run >= this.#limits.runLines) {
      side.hiddenLines += 1;
      side.hiddenOctets += text.length + 2;
      return;
    }
    side.run += 1;
    this.#emit(formatLine(this.#tag, who, text, encrypted, this.#limits.lineOctets));
  }

  #note(text: string): void {
    this.#emit(`${this.#tag} ${text}`);
  }

  #endRun(who: Who): void {
    const side = this.#sides[who];
    if (side.hiddenLines > 0) this.#note(`[… ${count(side.hiddenLines)} more lines, ${count(side.hiddenOctets)} octets]`);
    side.run = side.hiddenLines = side.hiddenOctets = 0;
  }

  /** Prints a line if the bucket allows; the note that lines were skipped costs a token of its own. */
  #emit(line: string): void {
    if (this.#skipped > 0 && this.#bucket.take()) this.#flushSkipped();
    if (this.#skipped === 0 && this.#bucket.take()) this.#sink(line);
    else this.#skipped += 1;
  }

  #flushSkipped(): void {
    if (this.#skipped === 0) return;
    this.#sink(`${this.#tag} [… ${count(this.#skipped)} transcript lines skipped: over ${this.#limits.linesPerSecond} lines/s for this session]`);
    this.#skipped = 0;
  }
}

/** A token bucket: `perSecond` on average, `burst` at once (the lab's transcript rate limits). */
export class TokenBucket {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #refilled: number;

  constructor(perSecond: number, burst: number, now: () => number = Date.now) {
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#now = now;
    this.#tokens = burst;
    this.#refilled = now();
  }

  /** Takes one token; false when there is none left. */
  take(): boolean {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#refilled) / 1000) * this.#perSecond);
    this.#refilled = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
