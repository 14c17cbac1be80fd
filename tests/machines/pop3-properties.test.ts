/**
 * Property tests: random and hostile client lines never break the POP3 server. Every reply follows the POP3
 * grammar, the internal-error net is never used, the machine and the pure logic agree on what each state
 * accepts, and the world loses only what DELE marked before a QUIT in TRANSACTION (RFC 1939 §6).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';
import { lineEvent } from '../helpers/decided.ts';
import { REPLY } from '../../src/protocols/pop3/replies.ts';
import { respond } from '../../src/protocols/pop3/respond.ts';
import type { Session } from '../../src/protocols/shared/session-types.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { connect, grammarProblem } from '../protocols/pop3/fixtures.ts';

/** The event a session hands the machine for `line`: parsed and decided once. */
const decided = (line: string, snapshot: Parameters<typeof pop3Driver.toEvent>[1]) => lineEvent(pop3Driver, line, snapshot) as never;

const binary = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength }).map((codes) => String.fromCharCode(...codes));

const GOOD = [
  'CAPA', 'STLS', 'USER alice', 'USER bob', 'PASS wonderland', 'PASS builder', 'PASS nope', 'AUTH', 'AUTH PLAIN',
  'AUTH LOGIN', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'AGFsaWNlAHdvbmRlcmxhbmQ=', 'YWxpY2U=', 'd29uZGVybGFuZA==', '*',
  'STAT', 'LIST', 'UIDL', 'NOOP', 'RSET', 'QUIT', '.', '', ' ', 'APOP alice 0123456789abcdef0123456789abcdef',
];
const VERBS = ['CAPA', 'STLS', 'USER', 'PASS', 'APOP', 'AUTH', 'QUIT', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL', 'top', 'Dele', 'XTND'];

/** One client line: well-formed, half-formed or garbage (NUL, CR, LF, bytes above 127, base64, long lines). */
const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...GOOD) },
  { weight: 3, arbitrary: fc.constantFrom('DELE 1', 'DELE 2', 'DELE 3', 'QUIT', 'RSET') },
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom('LIST', 'UIDL', 'RETR', 'DELE', 'TOP'), fc.nat(5), fc.option(fc.nat(4))).map(([v, n, k]) => (k === null ? `${v} ${n}` : `${v} ${n} ${k}`)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...VERBS), binary(12)).map(([v, a]) => `${v} ${a}`) },
  { weight: 1, arbitrary: binary(40) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...GOOD), fc.constantFrom('\r', '\n', '\0', '\r\n')).map(([l, c]) => `${l}${c}x`) },
  { weight: 1, arbitrary: fc.integer({ min: 240, max: 600 }).map((n) => `LIST ${'9'.repeat(n)}`) },
);

type Action = { kind: 'line'; line: string } | { kind: 'drop' } | { kind: 'timeout' };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 60, arbitrary: line.map((l) => ({ kind: 'line' as const, line: l })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'timeout' as const }) },
);
const PREAMBLES = [
  [],
  ['STLS', 'USER alice', 'PASS wonderland'],
  ['STLS', 'USER alice', 'PASS wonderland', 'DELE 2'],
  ['STLS', 'AUTH PLAIN', 'AGJvYgBidWlsZGVy'],
  ['STLS', 'USER alice'],
];

/** What the world must look like afterwards: a test-side model of DELE marks and their commit at QUIT. */
class DeletionModel {
  #uids: number[] = [];
  #user = '';
  #marked = new Set<number>();
  removed: string[] = [];

  observe(world: MailWorld, session: Session, sent: string, replies: readonly string[], stateBefore: string): void {
    const first = replies[0] ?? '';
    if (first === '+OK Logged in.') {
      this.#user = session.view().user ?? '';
      this.#uids = world.mailbox(this.#user, 'INBOX')!.messages.map((m) => m.uid);
    }
    if (stateBefore !== 'transaction') return;
    const dele = /^dele +0*(\d+)$/i.exec(sent);
    if (dele && first === '+OK Marked to be deleted.') this.#marked.add(this.#uids[Number(dele[1]) - 1]!);
    if (/^rset( |$)/i.test(sent) && first === '+OK') this.#marked.clear();
    if (first === '+OK Logging out, messages deleted.') this.removed = [...this.#marked].map((uid) => `${this.#user}/INBOX/${uid}`);
  }
}

/** Runs the actions on one session and checks every reply; returns the model. */
function play(world: MailWorld, session: Session, actions: readonly Action[], model: DeletionModel): void {
  for (const a of actions) {
    if (a.kind === 'drop') session.drop();
    else if (a.kind === 'timeout') {
      const step = session.timeout();
      if (step.replies.length > 0) expect(grammarProblem(step.replies)).toBeUndefined();
    } else {
      const closedBefore = session.view().closed;
      const stateBefore = session.view().state;
      const step = session.send(a.line);
      // The bad command that reaches Dovecot's limit gets its -ERR, then the farewell as a response of its own.
      const last = step.replies.at(-1) ?? '';
      const farewell = step.closed && step.replies.length > 1 && (last === REPLY.tooManyBad || last === REPLY.tooManyBadBeforeLogin);
      const own = farewell ? step.replies.slice(0, -1) : step.replies;
      if (closedBefore) expect(step.replies).toEqual([]);
      else expect(grammarProblem(own), JSON.stringify([a.line, step.replies.slice(0, 3)])).toBeUndefined();
      model.observe(world, session, a.line, step.replies, stateBefore);
    }
    expect(session.internalErrors).toBe(0);
  }
}

describe('POP3 server under random input', () => {
  test('answers every line with valid POP3 and loses only what DELE and QUIT removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(110 as const, 995 as const), fc.constantFrom(...PREAMBLES), fc.array(action, { maxLength: 30 }), fc.boolean(), (port, preamble, actions, quit) => {
        const { world, session } = connect(port);
        const before = world.inventory();
        const model = new DeletionModel();
        const lines = (ls: string[]) => ls.map((l) => ({ kind: 'line' as const, line: l }));
        play(world, session, [...lines(preamble), ...actions, ...lines(quit ? ['QUIT'] : [])], model);
        session.drop();
        expect(world.inventory()).toEqual(before.filter((m) => !model.removed.includes(m)));
      }),
      { numRuns: 200 },
    );
  });

  test('keeps two sessions on one maildrop apart: one holds the lock, the other gets [IN-USE]', () => {
    const pick = fc.array(fc.tuple(fc.boolean(), action), { maxLength: 30 });
    fc.assert(
      fc.property(pick, fc.boolean(), (steps, quit) => {
        const world = new MailWorld();
        const before = world.inventory();
        const pair = [connect(995, world).session, connect(995, world).session] as const;
        const models = [new DeletionModel(), new DeletionModel()] as const;
        const login = ['USER alice', 'PASS wonderland', 'DELE 1'].map((l) => ({ kind: 'line' as const, line: l }));
        play(world, pair[0], login, models[0]);
        for (const [first, a] of steps) {
          const i = first ? 0 : 1;
          play(world, pair[i], [a], models[i]);
          const inTransaction = pair.filter((s) => s.view().state === 'transaction' && s.view().user === 'alice');
          expect(inTransaction.length).toBeLessThanOrEqual(1);
        }
        for (const i of [0, 1] as const) {
          if (quit) play(world, pair[i], [{ kind: 'line', line: 'QUIT' }], models[i]);
          pair[i].drop();
        }
        const removed = [...models[0].removed, ...models[1].removed];
        expect(world.inventory()).toEqual(before.filter((m) => !removed.includes(m)));
      }),
      { numRuns: 100 },
    );
  });

  test('accepts a command in a state exactly when the pure logic does not call it not allowed', () => {
    const probes = [...VERBS.map((v) => `${v} 1`), 'PASS builder', 'FOO', 'AGJvYgBidWlsZGVy'];
    fc.assert(
      fc.property(fc.constantFrom(110 as const, 995 as const), fc.constantFrom(...PREAMBLES), fc.array(line, { maxLength: 15 }), (port, preamble, lines) => {
        const world = new MailWorld();
        const input = { world, port, sessionId: 's1', implicitTls: port === 995, tlsRequired: port === 110, role: 'access' as const, clientAddress: '192.0.2.10' };
        let [snapshot] = initialTransition(pop3SessionMachine, input);
        for (const l of [...preamble, ...lines, '']) {
          if (snapshot.status !== 'active') break;
          // The context mirrors the state: a USER name only in userGiven, an exchange only in sasl.
          const value = JSON.stringify(snapshot.value);
          expect(snapshot.context.pendingUser !== undefined, value).toBe(value === '{"authorization":"userGiven"}');
          expect(snapshot.context.sasl !== undefined, value).toBe(value === '{"authorization":"sasl"}');
          expect(snapshot.context.user !== undefined, value).toBe(value === '"transaction"');
          for (const probe of probes) {
            const event = pop3Driver.toEvent(probe, snapshot);
            expect(snapshot.can(decided(probe, snapshot)), probe).toBe(respond(snapshot.context, event).outcome !== 'notAllowed');
          }
          [snapshot] = transition(pop3SessionMachine, snapshot, decided(l, snapshot));
        }
      }),
      { numRuns: 250 },
    );
  });
});
