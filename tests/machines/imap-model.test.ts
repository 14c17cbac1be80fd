/**
 * Model-based coverage with xstate/graph, as for SMTP and POP3: the shortest paths from the greeting, over lines the
 * IMAP driver parses and the pure step decides, reach every state node of the machine, and replaying each path's
 * lines through a real session ends in the same RFC state with no internal error.
 */
import { describe, expect, test } from 'vitest';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { lineEvent } from '../helpers/decided.ts';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { imapSessionMachine } from '../../src/machines/imap-session.machine.ts';
import { openSession, type SessionInput } from '../../src/machines/session.ts';
import '../../src/machines/servers.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

/** Lines the model may send in any state; in a sub-state the driver makes them literal octets, SASL or IDLE lines. */
const LINES = [
  'a STARTTLS', 'a LOGIN alice wonderland', 'a LOGIN {5}', 'alice wonderland', 'a AUTHENTICATE PLAIN', 'AGFsaWNlAHdvbmRlcmxhbmQ=',
  'a SELECT INBOX', 'a SELECT Nowhere', 'a IDLE', 'DONE', 'a APPEND INBOX {4}', 'ab', 'a CLOSE', 'a LOGOUT',
];

function input(world: MailWorld): SessionInput {
  return { world, port: 143, sessionId: 'model', implicitTls: false, tlsRequired: true, role: 'access', clientAddress: '192.0.2.10' };
}

/** "selected.idling" for { selected: 'idling' }. */
function valuePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${key}.${valuePath(child)}`;
}

describe('imapSessionMachine model', () => {
  const paths = getShortestPaths(imapSessionMachine, {
    input: input(new MailWorld()),
    events: (snapshot) => LINES.map((line) => lineEvent(imapDriver, line, snapshot)) as never,
    serializeState: (s) => JSON.stringify([s.value, s.context.tls, s.context.user !== undefined]),
  });

  test('reaches every state node', () => {
    const leaves = getStateNodes(imapSessionMachine.root)
      .filter((node) => Object.keys(node.states).length === 0)
      .map((node) => node.path.join('.'));
    expect(leaves).toHaveLength(10);
    const reached = new Set(paths.map((p) => valuePath(p.state.value)));
    expect([...reached].sort()).toEqual([...leaves].sort());
  });

  test('ends every path in the same state when its lines go through a real session', () => {
    for (const path of paths) {
      const session = openSession(new MailWorld(), 'imap', 143);
      const lines = path.steps.slice(1).map((s) => (s.event as { line: string }).line);
      for (const line of lines) session.send(line);
      expect(session.view().state, lines.join(' | ')).toBe(valuePath(path.state.value).split('.')[0]);
      expect(session.internalErrors).toBe(0);
    }
  });
});
