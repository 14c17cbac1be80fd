/** The simulator embed's build records: which one fits which props, and that each survives JSON unchanged. */
import { describe, expect, test } from 'vitest';
import { simulatorData } from '../../src/components/widgets/player-kit.ts';
import { playgroundServers } from '../../src/components/widgets/playground-servers.ts';
import { scenarioIds } from '../../src/components/widgets/scenarios.ts';
import { bakedKey } from '../../src/embed/baked-key.ts';

describe('bakedKey', () => {
  test('a scenario from its start, a free server from its greeting, nothing otherwise', () => {
    expect(bakedKey({ scenario: 'pop3-rset', mode: 'guided', predict: 'required' })).toBe('scenario-pop3-rset');
    expect(bakedKey({ scenario: 'pop3-rset', startStep: 3, mode: 'guided' })).toBeUndefined();
    expect(bakedKey({ scenario: 'pop3-rset', mode: 'free' })).toBeUndefined();
    expect(bakedKey({ protocol: 'imap', port: 143, mode: 'free' })).toBe('server-imap-143');
    expect(bakedKey({})).toBeUndefined();
  });
});

// The HTTP scenarios (exchange-*) have no simulator record: the Exchange widget plays them.
describe('records', () => {
  test.each([...scenarioIds.filter((id) => !id.startsWith('exchange-')).map((scenario) => ({ scenario })), ...playgroundServers.map((s) => ({ protocol: s.protocol, port: s.port, mode: 'free' as const }))])('%o survives JSON', async (props) => {
    const data = await simulatorData(props);
    expect(data).toBeDefined();
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
