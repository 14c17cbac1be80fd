/**
 * A small IMAP mail client, as a phone or laptop mail app runs it (RFC 9051, RFC 2177 IDLE, RFC 6851 MOVE):
 * one connection kept open with the INBOX selected, a local list built only from the server's responses,
 * and IDLE between actions so the server can push other devices' changes at once.
 */
import type { Session, TranscriptEntry } from '../../shared/session-types.ts';
import { ClientMailbox } from './mailbox.ts';
import { tagged } from './parse.ts';
import { ACCOUNT, type Connect, type LocalMessage } from '../../shared/client-types.ts';

/** What one client action sent and received, and whether the server said OK. */
export interface ImapStep {
  entries: TranscriptEntry[];
  ok: boolean;
  /** The server's words when it refused (NO/BAD), or a closed connection. */
  error: string | undefined;
}

/** One device's IMAP connection and the message list it keeps from the server's responses. */
export class ImapClient {
  readonly #connect: Connect;
  #session: Session | undefined;
  #tags = 0;
  #idleTag: string | undefined;
  /** SELECT INBOX succeeded: the client knows its state from the server's tagged OK. */
  #selected = false;
  readonly #mailbox = new ClientMailbox();
  /** Called with what the server pushes while this client idles. */
  onPush: ((entries: TranscriptEntry[]) => void) | undefined;

  constructor(connect: Connect) {
    this.#connect = connect;
  }

  /** Whether the connection is open (after the first "Check mail"). */
  get connected(): boolean {
    return this.#session !== undefined && !this.#session.view().closed;
  }

  /** Whether the client waits in IDLE. */
  get idling(): boolean {
    return this.#idleTag !== undefined;
  }

  /** Whether the server announced messages this client has not fetched yet. */
  get behind(): boolean {
    return this.#mailbox.behind;
  }

  /** The local list, in mailbox order. */
  messages(): LocalMessage[] {
    return this.#mailbox.messages();
  }

  /** Connects and lists the INBOX, or, when connected, asks for news (NOOP) and fetches what is new. */
  check(): ImapStep {
    if (this.connected) return this.#act(() => this.#command('NOOP'));
    const session = this.#connect();
    this.#session = session;
    session.onPush((entries) => this.#pushed(entries));
    const greeting = session.greeting.find((e) => e.kind === 'server')?.text ?? '';
    const entries = [...session.greeting];
    if (!greeting.startsWith('* OK')) return { entries, ok: false, error: greeting };
    const step = this.#act(() => {
      const login = this.#command(`LOGIN ${ACCOUNT.user} ${ACCOUNT.password}`);
      if (!login.ok) return login;
      const select = this.#command('SELECT INBOX');
      this.#selected = select.ok;
      return { ...select, entries: [...login.entries, ...select.entries] };
    });
    return { ...step, entries: [...entries, ...step.entries] };
  }

  /** Opens a message: fetching its text sets \Seen on the server (RFC 9051 §6.4.5). */
  read(uid: number): ImapStep {
    return this.#act(() => this.#command(`UID FETCH ${uid} BODY[TEXT]`));
  }

  /** Adds or removes \Flagged on the server (UID STORE, RFC 9051 §6.4.6). */
  toggleFlag(uid: number): ImapStep {
    const sign = this.#mailbox.find(uid)?.flagged ? '-' : '+';
    return this.#act(() => this.#command(`UID STORE ${uid} ${sign}FLAGS (\\Flagged)`));
  }

  /**
   * Deletes the way mail apps do: UID MOVE to Trash (RFC 6851). One atomic command; unlike STORE \Deleted plus
   * EXPUNGE it cannot also expunge other messages another device marked \Deleted.
   */
  remove(uid: number): ImapStep {
    return this.#act(() => this.#command(`UID MOVE ${uid} Trash`));
  }

  /** After a push announced new mail: leave IDLE, fetch the new messages, idle again. */
  catchUp(): TranscriptEntry[] {
    return this.behind && this.connected ? this.#act(() => ({ entries: [], ok: true, error: undefined })).entries : [];
  }

  /** Ends the connection without a word, when the widget throws this world away. */
  drop(): void {
    this.#session?.drop();
    this.#session = undefined;
    this.#idleTag = undefined;
    this.#selected = false;
  }

  /** Leaves IDLE, runs `body`, fetches anything new, and idles again: the rhythm of an always-online client. */
  #act(body: () => ImapStep): ImapStep {
    if (!this.connected) return { entries: [], ok: false, error: 'The device is not connected.' };
    const entries: TranscriptEntry[] = [];
    if (this.#idleTag !== undefined) {
      entries.push(...this.#send('DONE'));
      this.#idleTag = undefined;
    }
    const step = body();
    entries.push(...step.entries);
    if (step.ok && this.behind) entries.push(...this.#command(`FETCH ${this.#mailbox.listed + 1}:* (UID FLAGS ENVELOPE)`).entries);
    // IDLE is a selected-state command; after a failed login the client just stays put.
    if (this.connected && this.#selected) {
      const tag = this.#nextTag();
      const idle = this.#send(`${tag} IDLE`);
      entries.push(...idle);
      if (idle.some((e) => e.kind === 'server' && e.text.startsWith('+'))) this.#idleTag = tag;
    }
    return { ...step, entries };
  }

  #command(command: string): ImapStep {
    const tag = this.#nextTag();
    const entries = this.#send(`${tag} ${command}`);
    const status = tagged(
      entries.flatMap((e) => (e.kind === 'server' ? [e.text] : [])),
      tag,
    );
    if (status?.status === 'OK') return { entries, ok: true, error: undefined };
    return { entries, ok: false, error: status ? `${status.status} ${status.text}` : 'The connection closed.' };
  }

  #send(line: string): TranscriptEntry[] {
    const step = this.#session!.send(line);
    this.#mailbox.apply(step.replies);
    return step.entries;
  }

  #nextTag(): string {
    this.#tags += 1;
    return `a${String(this.#tags).padStart(3, '0')}`;
  }

  #pushed(entries: TranscriptEntry[]): void {
    this.#mailbox.apply(entries.flatMap((e) => (e.kind === 'server' ? [e.text] : [])));
    this.onPush?.(entries);
  }
}
