import { describe, expect, test } from 'vitest';
import { stateGraph, stateSentence, withMoves } from '../../src/components/widgets/state-graph.ts';
import { imapSessionMachine } from '../../src/machines/imap-session.machine.ts';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';
import { smtpSessionMachine } from '../../src/machines/smtp-session.machine.ts';

const edge = (graph: ReturnType<typeof stateGraph>, from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to)?.events;

describe('stateGraph', () => {
  test('reads POP3 as authorization → transaction → update, with its sub-states', () => {
    const graph = stateGraph(pop3SessionMachine);
    expect(graph.nodes).toEqual([
      { id: 'authorization', substates: ['ready', 'userGiven', 'sasl'], final: false },
      { id: 'transaction', substates: [], final: false },
      { id: 'update', substates: [], final: true },
      { id: 'closed', substates: [], final: true },
    ]);
    // APOP is known but never enabled (issue 10), so it no longer leads to TRANSACTION.
    expect(edge(graph, 'authorization', 'transaction')).toEqual(['AUTH', 'PASS', 'text line']);
    expect(edge(graph, 'transaction', 'update')).toEqual(['QUIT']);
    expect(edge(graph, 'transaction', 'closed')).toEqual(['connection lost']);
    expect(graph.routed).toEqual([]);
  });

  test('reads IMAP states without its routing state, and says the server routes their commands', () => {
    const graph = stateGraph(imapSessionMachine);
    expect(graph.nodes.map((n) => n.id)).toEqual(['notAuthenticated', 'authenticated', 'selected', 'logout']);
    expect(graph.nodes[2]?.substates).toEqual(['ready', 'literal', 'idling']);
    expect(graph.routed).toEqual(['notAuthenticated', 'authenticated', 'selected']);
    // The routing state declares where lines can lead; the definition adds the lost connection.
    expect(edge(graph, 'notAuthenticated', 'authenticated')).toEqual(['LOGIN', 'AUTHENTICATE']);
    expect(edge(graph, 'authenticated', 'selected')).toEqual(['SELECT', 'EXAMINE']);
    expect(edge(graph, 'selected', 'authenticated')).toEqual(['CLOSE', 'UNSELECT', 'failed SELECT or EXAMINE']);
    expect(edge(graph, 'selected', 'logout')).toEqual(['LOGOUT', 'too many bad commands', 'connection lost']);
    expect(edge(graph, 'authenticated', 'notAuthenticated')).toBeUndefined();
  });

  test('tells SMTP DATA the command from lines of message text', () => {
    const graph = stateGraph(smtpSessionMachine);
    expect(edge(graph, 'mailTransaction', 'data')).toEqual(['DATA']);
    expect(edge(graph, 'data', 'ready')).toEqual(['text line']);
    expect(edge(graph, 'ready', 'connected')).toEqual(['STARTTLS']);
    expect(graph.nodes.find((n) => n.id === 'authenticating')?.substates).toEqual(['plain', 'login.username', 'login.password']);
  });
});

describe('withMoves', () => {
  test('adds moves the definition leaves to the server, once per cause', () => {
    // A routed graph that declares no moves, like IMAP's before its routing state named them.
    const routedOnly = { ...stateGraph(imapSessionMachine), edges: [] };
    const graph = withMoves(routedOnly, [
      { from: 'notAuthenticated', to: 'authenticated', on: 'LOGIN' },
      { from: 'authenticated', to: 'selected', on: 'SELECT' },
      { from: 'selected', to: 'authenticated', on: 'CLOSE' },
      { from: 'authenticated', to: 'selected', on: 'EXAMINE' },
      { from: 'authenticated', to: 'selected', on: 'SELECT' },
    ]);
    expect(graph.edges.filter((e) => e.observed)).toEqual([
      { from: 'notAuthenticated', to: 'authenticated', events: ['LOGIN'], observed: true },
      { from: 'authenticated', to: 'selected', events: ['SELECT', 'EXAMINE'], observed: true },
      { from: 'selected', to: 'authenticated', events: ['CLOSE'], observed: true },
    ]);
  });

  test('adds nothing to IMAP’s declared arrows when a session takes them', () => {
    const base = stateGraph(imapSessionMachine);
    expect(withMoves(base, [{ from: 'notAuthenticated', to: 'authenticated', on: 'LOGIN' }]).edges).toEqual(base.edges);
  });

  test('leaves edges from the definition as they are', () => {
    const base = stateGraph(pop3SessionMachine);
    expect(withMoves(base, [{ from: 'authorization', to: 'transaction', on: 'PASS' }]).edges).toEqual(base.edges);
  });
});

describe('stateSentence', () => {
  test('says the state and the last move', () => {
    expect(stateSentence('transaction', { from: 'authorization', to: 'transaction', on: 'PASS' })).toBe('State: transaction. Last: authorization → transaction on PASS.');
    expect(stateSentence('authorization', undefined)).toBe('State: authorization.');
  });
});
