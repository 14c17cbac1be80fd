/** A small scenario and a kit on the real engine, for the scenario player's tests (Node and jsdom alike). */
import type { BakedPlayer, PlayerKit } from '../../src/machines/scenario-player.machine.ts';
import { dial, playScenario } from '../../src/scenarios/runner.ts';
import type { Scenario } from '../../src/scenarios/scenario.ts';
import { openSession, SESSION_PORTS } from '../../src/machines/session.ts';
import '../../src/machines/servers.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

/** AUTH refused before STARTTLS on 587, then accepted inside TLS, then QUIT. */
export const submissionScenario: Scenario = {
  id: 'test-submission',
  title: 'Logging in on 587',
  summary: 'AUTH before and after STARTTLS.',
  protocol: 'smtp',
  port: 587,
  greetingNote: 'The server greets with 220.',
  steps: [
    { client: 'EHLO laptop', expect: '250', note: 'The client says hello; the server lists its extensions.' },
    { client: 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', expect: '530', note: 'Too early: port 587 wants TLS first.' },
    { client: 'STARTTLS', expect: '220', note: 'The connection turns into TLS.' },
    { client: 'EHLO laptop', expect: '250', note: 'Hello again, inside TLS: now AUTH is offered.' },
    { client: 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', expect: '235', note: 'The password travels encrypted.' },
    { client: 'QUIT', expect: '221', note: 'Goodbye.' },
  ],
};

/**
 * Port 25 blocked by the network: the first attempt gets no answer, the client moves to 587, falls silent until
 * the server's idle timer ends the session, tries 25 again (nothing), then sends on 465 and quits.
 */
export const blockedScenario: Scenario = {
  id: 'test-blocked',
  title: 'Port 25 blocked',
  summary: 'Nothing answers on 25; the client moves on.',
  protocol: 'smtp',
  port: 25,
  network: { blocked: [25] },
  greetingNote: 'Nothing answers on port 25.',
  steps: [
    { event: { kind: 'reconnect', port: 587 }, expect: '220', note: 'The submission port answers.' },
    { client: 'EHLO laptop', expect: '250', note: 'Hello on 587.' },
    { event: { kind: 'timeout' }, expect: '421', note: 'Silent too long: the server says goodbye.' },
    { event: { kind: 'reconnect', port: 25 }, expect: '-', note: 'Port 25 again: still nothing.' },
    { event: { kind: 'reconnect', port: 465 }, expect: '220', note: 'Implicit TLS on 465.' },
    { client: 'QUIT', expect: '221', note: 'Goodbye.' },
  ],
};

/** A kit like the widget's, without the browser's dynamic imports. */
export function testKit(options: { scenario?: Scenario; mode?: 'guided' | 'free'; startStep?: number; protocol?: PlayerKit['protocol']; port?: number } = {}): PlayerKit {
  const scenario = options.scenario;
  const protocol = options.protocol ?? scenario?.protocol ?? 'smtp';
  const port = options.port ?? scenario?.port ?? 587;
  const connect: PlayerKit['connect'] = (world, to = port) => {
    const w = world ?? new MailWorld({ seed: scenario?.seed ?? 1 });
    return { world: w, session: scenario ? dial(w, scenario, to, openSession) : openSession(w, protocol, to) };
  };
  return {
    protocol, port, scenario,
    startStep: options.startStep ?? 0,
    mode: options.mode ?? (scenario ? 'guided' : 'free'),
    initial: connect().session.view(),
    ports: SESSION_PORTS[protocol],
    connect,
    replay: (count) => playScenario(scenario!, openSession, count),
  };
}

/** What the build records for the same options: the kit's setup, and the scenario (or a new connection) played once. */
export function testBaked(options: Parameters<typeof testKit>[0] = {}): BakedPlayer {
  const { replay, connect, ...setup } = testKit(options);
  const playback = setup.scenario ? replay(setup.scenario.steps.length) : { greeting: connect().session.greeting, played: [] };
  return { ...setup, greeting: playback.greeting, played: playback.played };
}
