/**
 * The simulator hydrates on a first screen computed without XState (first-screen.ts) and starts the player
 * machine a task later: the machine's first snapshot must be that very screen, for every scenario and start step
 * and for free typing, or the widget would change under the learner when the machine arrives.
 */
import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { simulatorData } from '../../src/components/widgets/player-kit.ts';
import { scenarioIds } from '../../src/components/widgets/scenarios.ts';
import { firstScreen } from '../../src/components/widgets/simulator/first-screen.ts';
import { scenarioPlayerMachine } from '../../src/machines/scenario-player.machine.ts';

const never = () => new Promise<never>(() => {});
const queries = ['guided', 'free', 'preparing', 'loading', 'error', { guided: 'paused' }, { guided: 'playing' }, { preparing: 'idle' }, { preparing: 'fetching' }, { preparing: 'failed' }] as const;

async function compare(options: Parameters<typeof simulatorData>[0]) {
  const baked = (await simulatorData(options))!;
  expect(baked).toBeDefined();
  const screen = firstScreen({ load: never, baked });
  const actor = createActor(scenarioPlayerMachine, { input: { load: never, baked } });
  const snapshot = actor.getSnapshot();
  const { load: _a, ...machine } = snapshot.context;
  const { load: _b, ...plain } = screen.context;
  expect(plain).toEqual(machine);
  for (const query of queries) expect([query, screen.matches(query)]).toEqual([query, snapshot.matches(query as never)]);
  return screen;
}

describe('the first screen without the machine', () => {
  // The HTTP scenarios (exchange-*) are not the line simulator's; the Exchange widget plays them.
  test.each(scenarioIds.filter((id) => !id.startsWith('exchange-')))('is the machine’s first snapshot for %s, at the greeting and at the last step', async (id) => {
    const screen = await compare({ scenario: id });
    expect(screen.matches({ guided: 'paused' })).toBe(true);
    const last = screen.context.baked!.scenario!.steps.length;
    const end = await compare({ scenario: id, startStep: last });
    expect(end.context.step).toBe(last);
  });

  test.each([
    ['smtp', 587],
    ['pop3', 995],
    ['imap', 143],
  ] as const)('is the machine’s first snapshot for free typing on %s port %i', async (protocol, port) => {
    const screen = await compare({ protocol, port, mode: 'free' });
    expect(screen.matches({ preparing: 'idle' })).toBe(true);
    expect(screen.context.rows.length).toBeGreaterThan(0);
  });
});
