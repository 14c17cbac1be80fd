/**
 * A tiny echo protocol standing in for SMTP, POP3 and IMAP, so the lab's network layer is tested on its own:
 * `ECHO x` answers `250 x`, `STARTTLS` answers `220 go ahead` and starts TLS, `QUIT` answers `221 bye` and
 * closes, `BIG n` answers n octets, `MANY count size` answers `count` lines of `size` octets (one shared string, so
 * a reply far over V8's longest string costs no memory), `WHO` reports whether TLS is up, `FAIL` throws in a
 * machine action (the session answers `451 internal error` and closes), `CRASH` makes the engine's own safety
 * net fail so the error reaches the lab; anything else is `500 unknown`. Lines over 512
 * octets get `500 line too long`. World changes are pushed as `* CHANGED <kind> <uid>`.
 */
import { assign, setup, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import { registerDriver, type ClientEvent, type ProtocolDriver, type SessionContextBase, type SessionInput } from '../../src/machines/session.ts';
import type { WorldChange } from '../../src/protocols/shared/world.ts';
import type { LineProtocolName } from '../../src/protocols/shared/session-types.ts';

type FakeEvent = ClientEvent | { type: 'client.dropped' } | { type: 'world.changed'; change: WorldChange };

const base = { startTls: false };

/** The echo machine: one state, one event per verb. */
export const fakeMachine = setup({
  types: { context: {} as SessionContextBase, input: {} as SessionInput, events: {} as FakeEvent },
}).createMachine({
  id: 'fakeSession',
  context: ({ input }) => ({ reply: ['220 fake ready'], tls: input.implicitTls, startTls: false, closed: false, user: undefined }),
  on: {
    'client.echo': { actions: assign(({ event }) => ({ ...base, reply: [`250 ${(event as ClientEvent).args}`] })) },
    'client.who': { actions: assign(({ context }) => ({ ...base, reply: [`250 tls=${context.tls}`] })) },
    'client.fail': {
      actions: () => {
        throw new Error('forced failure in a machine action');
      },
    },
    'client.many': {
      actions: assign(({ event }) => {
        const [count, size] = (event as ClientEvent).args.split(' ').map(Number);
        return { ...base, reply: new Array<string>(count || 0).fill('x'.repeat(size || 0)) };
      }),
    },
    'client.big': { actions: assign(({ event }) => ({ ...base, reply: [`250 ${'x'.repeat(Number((event as ClientEvent).args) || 0)}`] })) },
    'client.starttls': { actions: assign(({ context }) => (context.tls ? { ...base, reply: ['554 already'] } : { reply: ['220 go ahead'], tls: true, startTls: true })) },
    'client.quit': { actions: assign({ ...base, reply: ['221 bye'], closed: true }) },
    'client.unknown': { actions: assign({ ...base, reply: ['500 unknown'] }) },
    'client.dropped': { actions: assign({ ...base, reply: [], closed: true }) },
    'world.changed': {
      actions: assign(({ event }) => {
        const change = (event as { change: WorldChange }).change;
        return { ...base, reply: [`* CHANGED ${change.kind} ${'uid' in change ? change.uid : 0}`] };
      }),
    },
  },
});

const VERBS = ['ECHO', 'WHO', 'BIG', 'MANY', 'FAIL', 'STARTTLS', 'QUIT'] as const;

function fakeDriver(protocol: LineProtocolName): ProtocolDriver {
  return {
    protocol,
    machine: fakeMachine as unknown as AnyStateMachine,
    verbs: VERBS,
    watchesWorld: true,
    toEvent(line: string): ClientEvent {
      if (line.startsWith('CRASH')) throw new Error('forced failure in the engine');
      const space = line.indexOf(' ');
      const verb = (space === -1 ? line : line.slice(0, space)).toUpperCase();
      const args = space === -1 ? '' : line.slice(space + 1);
      const known = (VERBS as readonly string[]).includes(verb);
      return { type: known ? `client.${verb.toLowerCase()}` : 'client.unknown', verb, args, line };
    },
    outOfState: () => ['503 not now'],
    maxLineOctets: () => 512,
    lineTooLong: () => ['500 line too long'],
    timeoutReply: () => ['421 idle timeout'],
    internalError: (event) => {
      // The engine's last answer fails too: the error leaves the session and the lab must contain it.
      if (event.line.startsWith('CRASH')) throw new TypeError('forced failure in the safety net');
      return ['451 internal error'];
    },
    stateName: (snapshot: SnapshotFrom<AnyStateMachine>) => String(snapshot.value),
    expects: () => 'command',
  };
}

/** Registers the echo driver under all three protocol names. */
export function registerFakeDrivers(): void {
  for (const p of ['smtp', 'pop3', 'imap'] as const) registerDriver(fakeDriver(p));
}
