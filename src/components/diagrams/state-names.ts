/**
 * What a learner reads for each state of the three server machines: the RFC's name (POP3 RFC 1939 §3, IMAP
 * RFC 9051 §3; RFC 5321 names no SMTP states, so SMTP's are plain words for where the session stands, "mail
 * transaction" as §3.3 says), a few words under it, and a sentence with its source. The states themselves come
 * from the machines; a state missing here fails the build (see namesFor), so a new machine state is never drawn
 * without words. The simulator also names the sub-states a session passes through (stateNames).
 */
import type { LineProtocolName } from '../../protocols/registry.ts';

/** The words for one state. */
export interface StateWords {
  /** The name in the box: the RFC's, or the machine's where the RFC has none. */
  title: string;
  /** A few words under the name (at most about 20 characters, to fit a phone). */
  gloss: string;
  /** One or two sentences for the text alternative, with their source. */
  explain: string;
}

/** The protocols with a server machine: every protocol of the registry. */
export type MachineProtocol = LineProtocolName;

const WORDS: Record<MachineProtocol, Record<string, StateWords>> = {
  smtp: {
    connected: { title: 'connected', gloss: 'greeting sent', explain: 'The server has sent its 220 greeting and waits for EHLO or HELO, also again after STARTTLS, which makes both sides forget the earlier EHLO (RFC 5321 §3.1, RFC 3207 §4.2).' },
    ready: { title: 'greeted', gloss: 'after EHLO or HELO', explain: 'The client has introduced itself and no mail transaction is open: MAIL starts one, AUTH logs in, STARTTLS upgrades the connection (RFC 5321 §4.1.4).' },
    mailTransaction: { title: 'mail transaction', gloss: 'sender, recipients', explain: 'MAIL FROM was accepted; RCPT TO adds recipients, and DATA may follow once one is accepted. RSET or a new EHLO abandons the transaction (RFC 5321 §3.3).' },
    data: { title: 'data', gloss: 'reading the message', explain: 'After 354 the server reads message text until a line holding only a dot, then answers once (RFC 5321 §4.1.1.4).' },
    authenticating: { title: 'authenticating', gloss: 'AUTH exchange', explain: 'An AUTH exchange: the server sends 334 challenges and the client answers each with base64, or * to cancel (RFC 4954 §4).' },
    closed: { title: 'closed', gloss: 'connection ended', explain: 'The server answered QUIT with 221, or the connection was lost; a message whose final dot got no 250 is not delivered (RFC 5321 §4.1.1.10, §4.2.5).' },
  },
  pop3: {
    authorization: { title: 'AUTHORIZATION', gloss: 'the client logs in', explain: 'After the greeting the client identifies itself with USER and PASS, APOP or AUTH; CAPA, STLS and QUIT also work here (RFC 1939 §4).' },
    transaction: { title: 'TRANSACTION', gloss: 'maildrop locked', explain: 'Logged in: the server has locked the maildrop. STAT, LIST, UIDL, RETR, TOP, DELE, RSET and NOOP work on it, and DELE only marks a message (RFC 1939 §5).' },
    update: { title: 'UPDATE', gloss: 'marked mail removed', explain: 'Entered only by QUIT from TRANSACTION: the server removes the messages marked with DELE, releases the lock and closes the connection (RFC 1939 §6).' },
    closed: { title: 'closed', gloss: 'nothing deleted', explain: 'Not one of the RFC’s states: the connection ended another way, by QUIT before login, a maildrop in use ([IN-USE]) or a lost connection, and nothing is deleted (RFC 1939 §6, RFC 2449 §8.1.2).' },
  },
  imap: {
    notAuthenticated: { title: 'Not Authenticated', gloss: 'before login', explain: 'After the greeting: the client logs in with LOGIN or AUTHENTICATE, after STARTTLS where the server requires it (RFC 9051 §3.1).' },
    authenticated: { title: 'Authenticated', gloss: 'no mailbox open', explain: 'Logged in: the client lists, creates and checks mailboxes, and opens one with SELECT or EXAMINE (RFC 9051 §3.2).' },
    selected: { title: 'Selected', gloss: 'one mailbox open', explain: 'A mailbox is open: FETCH, SEARCH, STORE, COPY, MOVE and EXPUNGE work on its messages; CLOSE or UNSELECT leaves it (RFC 9051 §3.3).' },
    logout: { title: 'Logout', gloss: 'connection closes', explain: 'The connection ends: after LOGOUT, when the server gives up on a client, or when the connection is lost (RFC 9051 §3.4).' },
  },
};

/**
 * Sub-states worth a word, by the machine's path inside its top-level state; any other sub-state (a "ready"
 * waiting for the next command) goes by its top-level state's name alone.
 */
const SUB_WORDS: Record<MachineProtocol, Record<string, string>> = {
  smtp: {
    sender: 'MAIL FROM accepted, no recipient yet',
    recipients: 'recipients accepted',
    plain: 'AUTH PLAIN, waiting for credentials',
    'login.username': 'AUTH LOGIN, waiting for the user name',
    'login.password': 'AUTH LOGIN, waiting for the password',
  },
  pop3: {
    userGiven: 'USER given, waiting for PASS',
    sasl: 'AUTH exchange',
  },
  imap: {
    literal: 'reading a literal',
    idling: 'IDLE, reporting new mail',
    authenticating: 'AUTHENTICATE exchange',
  },
};

/**
 * A learner's name for every state name a session can report: each top-level state by its title, and each
 * sub-state (`mailTransaction.recipients`) as the title and a few words ("mail transaction: recipients accepted").
 */
export function stateNames(protocol: MachineProtocol, nodes: readonly { id: string; substates: readonly string[] }[]): Record<string, string> {
  const words = namesFor(protocol, nodes.map((n) => n.id));
  const names: Record<string, string> = {};
  for (const node of nodes) {
    const title = words.get(node.id)!.title;
    names[node.id] = title;
    for (const sub of node.substates) {
      const extra = SUB_WORDS[protocol][sub];
      names[`${node.id}.${sub}`] = extra ? `${title}: ${extra}` : title;
    }
  }
  return names;
}

/** What the arrow labels that are not commands mean. */
export const EVENT_WORDS: Record<string, string> = {
  'text line': 'a line of text rather than a command: message text (a line holding only a dot ends it) or the answer to a login challenge',
  'connection lost': 'the connection dropped without a goodbye',
  'too many bad commands': 'the server gives up after too many commands it could not accept',
  'failed SELECT or EXAMINE': 'a SELECT or EXAMINE of a mailbox that cannot be opened closes the open one',
};

/** The words for every state of a protocol's graph, in the graph's order; throws for a state without words. */
export function namesFor(protocol: MachineProtocol, stateIds: readonly string[]): Map<string, StateWords> {
  const table = WORDS[protocol];
  const missing = stateIds.filter((id) => !Object.hasOwn(table, id));
  if (missing.length > 0) throw new Error(`<StateDiagram protocol="${protocol}">: no words for the machine's state(s) ${missing.join(', ')}; add them to src/components/diagrams/state-names.ts`);
  return new Map(stateIds.map((id) => [id, table[id]!]));
}

/** The RFC whose states the protocol's diagram shows, for captions. */
export const STATE_SOURCES: Record<MachineProtocol, string> = {
  smtp: 'RFC 5321 names no states; these are the simulator’s',
  pop3: 'RFC 1939 §3',
  imap: 'RFC 9051 §3',
};
