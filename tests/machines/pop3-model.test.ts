/**
 * Model-based coverage with xstate/graph: the shortest paths from the greeting reach every state node of the
 * POP3 machine, and replaying each path's lines through a real session ends in the same RFC state.
 */
import { describe, expect, test } from 'vitest';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import { openSession, type SessionInput } from '../../src/machines/session.ts';
import { droppedEvent, lineEvent } from '../helpers/decided.ts';
import '../../src/machines/servers.ts';
import type { Pop3Context } from '../../src/protocols/pop3/types.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

/** Client lines the model may send in any state; inside AUTH the driver makes them SASL responses. */
const LINES = [
  'CAPA', 'STLS', 'USER bob', 'USER alice', 'PASS builder', 'PASS wonderland', 'PASS wrong', 'APOP bob x',
  'AUTH', 'AUTH PLAIN', 'AUTH LOGIN', 'AGJvYgBidWlsZGVy', 'Ym9i', 'YnVpbGRlcg==', '*', 'STAT', 'DELE 1', 'RSET',
  'FOO', 'QUIT',
];

/** A world where another session already holds alice's maildrop, so [IN-USE] is reachable. */
function lockedWorld(): MailWorld {
  const world = new MailWorld();
  world.lockMaildrop('alice', 'another-session');
  return world;
}

function input(world: MailWorld): SessionInput {
  return { world, port: 110, sessionId: 'model', implicitTls: false, tlsRequired: true, role: 'access', clientAddress: '192.0.2.10' };
}

/** "authorization.ready" for { authorization: 'ready' }. */
function valuePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${key}.${valuePath(child)}`;
}

const paths = getShortestPaths(pop3SessionMachine, {
  input: input(lockedWorld()),
  events: (snapshot) => [...LINES.map((line) => lineEvent(pop3Driver, line, snapshot)), droppedEvent(pop3Driver, snapshot)] as never,
  serializeState: (snapshot) => {
    const c = snapshot.context as Pop3Context;
    return JSON.stringify([snapshot.value, c.tls, c.user, c.pendingUser, c.sasl, c.deleted, c.closed]);
  },
});

describe('pop3SessionMachine model', () => {
  test('reaches every state node', () => {
    const leaves = getStateNodes(pop3SessionMachine.root)
      .filter((node) => Object.keys(node.states).length === 0)
      .map((node) => node.path.join('.'));
    expect(leaves.sort()).toEqual(['authorization.ready', 'authorization.sasl', 'authorization.userGiven', 'closed', 'transaction', 'update']);
    const reached = new Set(paths.map((p) => valuePath(p.state.value)));
    expect([...reached].sort()).toEqual(leaves);
  });

  test('ends every path in the same state when its lines go through a real session', () => {
    for (const path of paths) {
      const session = openSession(lockedWorld(), 'pop3', 110);
      for (const step of path.steps.slice(1)) {
        if (step.event.type === 'client.dropped') session.drop();
        else session.send((step.event as { line: string }).line);
      }
      const expected = valuePath(path.state.value).split('.')[0];
      expect(session.view().state, path.steps.map((s) => (s.event as { line?: string }).line ?? s.event.type).join(' | ')).toBe(expected);
      expect(session.internalErrors).toBe(0);
    }
  });

  test('reaches UPDATE only through QUIT in TRANSACTION', () => {
    const toUpdate = paths.filter((p) => p.state.value === 'update');
    expect(toUpdate.length).toBeGreaterThan(0);
    for (const path of toUpdate) {
      // Each step holds the event and the state it led to.
      expect((path.steps.at(-1)!.event as { line: string }).line).toBe('QUIT');
      expect(path.steps.at(-2)!.state.value).toBe('transaction');
    }
  });
});
