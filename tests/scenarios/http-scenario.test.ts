import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/machines/http-servers.ts';
import { stepRequest } from '../../src/scenarios/http-scenario.ts';
import { playHttpScenario } from '../../src/scenarios/http-play.ts';
import { parseHttpScenario } from '../../src/scenarios/http-schema.ts';
import { observedCode } from '../../src/scenarios/runner.ts';
import { openHttpSession } from '../../src/machines/http-session.ts';

const file = 'hello-get.json';
const data: unknown = JSON.parse(readFileSync(new URL(`../../src/content/test-scenarios/${file}`, import.meta.url), 'utf8'));

describe('HTTP scenarios', () => {
  it('replay hello-get to the status codes it expects, on one kept-alive connection that closes at the end', () => {
    const scenario = parseHttpScenario(data, file);
    const playback = playHttpScenario(scenario, openHttpSession);
    expect(playback.played.map((p) => [p.observed, p.ok])).toEqual([
      ['200', true],
      ['404', true],
      ['405', true],
      ['200', true],
    ]);
    expect(playback.played.map((p) => p.view.closed)).toEqual([false, false, false, true]);
    expect(playback.played[0]!.entries[1]).toMatchObject({ kind: 'response', response: { body: 'Hello, ada\n' } });
  });

  it('observe the status of an HTTP response, also through the line runner’s observedCode', () => {
    const playback = playHttpScenario(parseHttpScenario(data, file), openHttpSession);
    expect(observedCode('smtp', playback.played[2]!.entries, '405')).toBe('405');
  });

  it('fail a step whose status differs, without throwing', () => {
    const scenario = parseHttpScenario(data, file);
    const wrong = { ...scenario, steps: [{ ...scenario.steps[0]!, expect: '404' }] };
    expect(playHttpScenario(wrong, openHttpSession).played[0]).toMatchObject({ observed: '200', ok: false });
  });

  it('send Host first, with the port, unless the step sets it', () => {
    expect(stepRequest({ request: { method: 'GET', target: '/hello' } }, 8080).headers).toEqual([['Host', 'mail.example.test:8080']]);
    expect(stepRequest({ request: { method: 'GET', target: '/', headers: [['host', 'h']] } }, 8080).headers).toEqual([['host', 'h']]);
  });

  it('reject a file with a bad status, another protocol’s prefix, a port not served, or an id that is not the file name', () => {
    const base = data as Record<string, unknown>;
    expect(() => parseHttpScenario({ ...base, steps: [{ request: { method: 'GET', target: '/' }, expect: 'OK', note: 'A note long enough.' }] }, file)).toThrow(/status code/);
    expect(() => parseHttpScenario({ ...base, id: 'smtp-hello' }, 'smtp-hello.json')).toThrow(/must start with "hello-"/);
    expect(() => parseHttpScenario({ ...base, port: 443 }, file)).toThrow(/not served on 443/);
    expect(() => parseHttpScenario(base, 'other.json')).toThrow(/file name/);
  });
});
