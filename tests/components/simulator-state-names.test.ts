import { describe, expect, test } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { liveDiagram } from '../../src/components/diagrams/state-live.ts';
import { stateNames } from '../../src/components/diagrams/state-names.ts';
import { loadKit } from '../../src/components/widgets/player-kit.ts';
import { stateGraph } from '../../src/components/widgets/state-graph.ts';
import { isLastArrow, nameOf, stateSentence } from '../../src/components/widgets/state-moves.ts';
import { imapSessionMachine } from '../../src/machines/imap-session.machine.ts';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';
import { scenarioPlayerMachine } from '../../src/machines/scenario-player.machine.ts';
import { smtpSessionMachine } from '../../src/machines/smtp-session.machine.ts';

const machines = { smtp: smtpSessionMachine, pop3: pop3SessionMachine, imap: imapSessionMachine } as const;
const diagramOf = (p: keyof typeof machines) => liveDiagram(p, stateGraph(machines[p]), String(machines[p].config.initial));

/** The state names a real session reports after each line, in the learner's words. */
async function namesAlong(protocol: 'smtp' | 'pop3' | 'imap', port: number, lines: string[]): Promise<string[]> {
  const actor = createActor(scenarioPlayerMachine, { input: { load: () => loadKit({ protocol, port }) } });
  actor.start();
  await waitFor(actor, (s) => s.matches('free'));
  const { names } = diagramOf(protocol);
  const seen = [nameOf(names, actor.getSnapshot().context.view!.state)];
  for (const line of lines) {
    actor.send({ type: 'user.send', line });
    const state = actor.getSnapshot().context.view!.state;
    // Every state a session reports has a name of its own: none falls back to the machine's word.
    expect(Object.hasOwn(names, state), state).toBe(true);
    seen.push(nameOf(names, state));
  }
  actor.stop();
  return seen;
}

describe('machine state → the RFC’s name', () => {
  test('names SMTP’s states as a learner says them, sub-states included', async () => {
    expect(await namesAlong('smtp', 25, ['EHLO laptop', 'MAIL FROM:<carol@example.org>', 'RCPT TO:<bob@example.test>', 'DATA', '.', 'QUIT'])).toEqual([
      'connected',
      'greeted',
      'mail transaction: MAIL FROM accepted, no recipient yet',
      'mail transaction: recipients accepted',
      'data',
      'greeted',
      'closed',
    ]);
  });

  test('names POP3’s states AUTHORIZATION, TRANSACTION and UPDATE (RFC 1939 §3)', async () => {
    expect(await namesAlong('pop3', 995, ['USER alice', 'PASS wonderland', 'QUIT'])).toEqual(['AUTHORIZATION', 'AUTHORIZATION', 'TRANSACTION', 'UPDATE']);
  });

  test('names IMAP’s four states (RFC 9051 §3)', async () => {
    expect(await namesAlong('imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 CLOSE', 'a4 LOGOUT'])).toEqual([
      'Not Authenticated',
      'Authenticated',
      'Selected',
      'Authenticated',
      'Logout',
    ]);
  });

  test('covers every state and sub-state of every machine, and falls back for a name it does not know', () => {
    for (const p of ['smtp', 'pop3', 'imap'] as const) {
      const graph = stateGraph(machines[p]);
      const names = stateNames(p, graph.nodes);
      expect(Object.keys(names).sort()).toEqual(graph.nodes.flatMap((n) => [n.id, ...n.substates.map((s) => `${n.id}.${s}`)]).sort());
      expect(Object.values(names).every((n) => !/[a-z][A-Z]/.test(n.split(':')[0]!))).toBe(true);
    }
    const { names } = diagramOf('pop3');
    expect(nameOf(names, 'transaction.somethingNew')).toBe('TRANSACTION');
    expect(nameOf(names, 'nowhere')).toBe('nowhere');
    expect(nameOf(names, 'toString')).toBe('toString');
  });
});

describe('marking the live diagram', () => {
  test('marks an arrow only for a move between two top-level states', () => {
    expect(isLastArrow('authorization', 'transaction', { from: 'authorization', to: 'transaction', on: 'PASS' })).toBe(true);
    expect(isLastArrow('transaction', 'update', { from: 'authorization', to: 'transaction', on: 'PASS' })).toBe(false);
    expect(isLastArrow('mailTransaction', 'mailTransaction', { from: 'mailTransaction.sender', to: 'mailTransaction.recipients', on: 'RCPT' })).toBe(false);
    expect(isLastArrow('ready', 'mailTransaction', { from: 'ready', to: 'mailTransaction.sender', on: 'MAIL' })).toBe(true);
    expect(isLastArrow('ready', 'mailTransaction', undefined)).toBe(false);
  });

  test('says the state and the last move in the RFC’s words', () => {
    const { names } = diagramOf('imap');
    expect(stateSentence('selected', { from: 'authenticated', to: 'selected', on: 'SELECT' }, names)).toBe('State: Selected. Last: Authenticated → Selected on SELECT.');
  });

  test('records one part per state and per arrow, so the browser marks them without laying anything out', () => {
    for (const p of ['smtp', 'pop3', 'imap'] as const) {
      const graph = stateGraph(machines[p]);
      const d = diagramOf(p);
      expect(d.parts.filter((x) => x.kind === 'state').map((x) => (x.kind === 'state' ? x.id : '')).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      expect(d.parts.filter((x) => x.kind === 'edge').map((x) => (x.kind === 'edge' ? `${x.from}>${x.to}` : '')).sort()).toEqual(graph.edges.map((e) => `${e.from}>${e.to}`).sort());
      // No part is marked yet: the browser adds is-current, is-last and the dot.
      expect(d.parts.some((x) => /is-current|is-last|mw-dg-now/.test(x.svg))).toBe(false);
      // Narrow enough for a 360 px phone's widget without shrinking 12 px text much.
      expect(d.width).toBeLessThanOrEqual(300);
    }
    const pop3 = diagramOf('pop3');
    const box = pop3.parts.find((x) => x.kind === 'state' && x.id === 'transaction');
    expect(box?.svg).toContain('>TRANSACTION</tspan>');
    expect(pop3.title).toBe('POP3 server states (RFC 1939 §3)');
  });
});
