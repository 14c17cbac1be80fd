import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenarios/schema.ts';

const valid = {
  id: 'smtp-example',
  title: 'An example scenario',
  summary: 'A short scenario used only by this test.',
  protocol: 'smtp',
  port: 587,
  greetingNote: 'The server greets the client.',
  steps: [{ client: 'QUIT', expect: '221', note: 'QUIT ends the session.' }],
};

describe('parseScenario', () => {
  test('accepts a well-formed scenario', () => {
    expect(parseScenario(valid, 'smtp-example.json').id).toBe('smtp-example');
  });

  test('rejects an id that differs from the file name', () => {
    expect(() => parseScenario(valid, 'smtp-other.json')).toThrow(/scenario smtp-other\.json is invalid: id "smtp-example" must equal the file name "smtp-other"/);
  });

  test('rejects an id that does not start with its protocol', () => {
    expect(() => parseScenario({ ...valid, id: 'pop3-example' }, 'pop3-example.json')).toThrow(/id: .*start with "smtp-"/);
  });

  test('rejects a port the protocol is not served on', () => {
    expect(() => parseScenario({ ...valid, port: 110 }, 'smtp-example.json')).toThrow(/port: smtp is served on 25, 587, 465, not 110/);
  });

  test('rejects an expect code the protocol cannot give', () => {
    const steps = [{ client: 'QUIT', expect: '+OK', note: 'QUIT ends the session.' }];
    expect(() => parseScenario({ ...valid, steps }, 'smtp-example.json')).toThrow(/steps\.0\.expect: "\+OK" is not a smtp code/);
  });

  test('rejects a step with both client lines and an event', () => {
    const steps = [{ client: 'QUIT', event: { kind: 'drop' }, expect: '-', note: 'Both at once is wrong.' }];
    expect(() => parseScenario({ ...valid, steps }, 'smtp-example.json')).toThrow(/either client lines or an event/);
  });

  test('rejects a drop that expects a reply', () => {
    const steps = [{ event: { kind: 'drop' }, expect: '221', note: 'A drop gets no reply at all.' }];
    expect(() => parseScenario({ ...valid, steps }, 'smtp-example.json')).toThrow(/a drop gets no reply/);
  });

  test('rejects a client line that carries its own line break', () => {
    const steps = [{ client: 'QUIT\r\n', expect: '221', note: 'The session adds CRLF itself.' }];
    expect(() => parseScenario({ ...valid, steps }, 'smtp-example.json')).toThrow(/steps\.0\.client: one line, without CR or LF/);
  });

  test('rejects unknown fields, so a typo cannot pass silently', () => {
    expect(() => parseScenario({ ...valid, sumary: 'typo' }, 'smtp-example.json')).toThrow(/sumary/);
  });

  test('accepts a timeout, a reconnect to another port and a blocked port', () => {
    const steps = [
      { event: { kind: 'reconnect', port: 587 }, expect: '220', note: 'The submission port answers.' },
      { event: { kind: 'timeout' }, expect: '421', note: 'Silent for too long.' },
    ];
    expect(parseScenario({ ...valid, port: 25, network: { blocked: [25] }, steps }, 'smtp-example.json').network).toEqual({ blocked: [25] });
  });

  test('rejects a reconnect to a port the protocol is not served on', () => {
    const steps = [{ event: { kind: 'reconnect', port: 993 }, expect: '220', note: 'Wrong protocol.' }];
    expect(() => parseScenario({ ...valid, steps }, 'smtp-example.json')).toThrow(/steps\.0\.event\.port: smtp is served on 25, 587, 465, not 993/);
  });

  test('rejects a blocked port the protocol is not served on', () => {
    expect(() => parseScenario({ ...valid, network: { blocked: [110] } }, 'smtp-example.json')).toThrow(/network\.blocked\.0: smtp is served on 25, 587, 465, not 110/);
  });

  test('rejects a reply expected from a blocked port', () => {
    const steps = [{ event: { kind: 'reconnect', port: 25 }, expect: '220', note: 'Nothing answers here.' }, { event: { kind: 'reconnect', port: 587 }, expect: '220', note: 'This one does.' }];
    expect(() => parseScenario({ ...valid, network: { blocked: [25] }, steps }, 'smtp-example.json')).toThrow(/steps\.0\.expect: port 25 is blocked: nothing answers there, so expect "-"/);
  });

  test('rejects lines sent after an attempt nothing answered', () => {
    expect(() => parseScenario({ ...valid, port: 25, network: { blocked: [25] } }, 'smtp-example.json')).toThrow(/steps\.0: nothing answered on port 25: the next step must be a reconnect/);
  });

  test('rejects a timeout with fields, so a typo cannot pass silently', () => {
    const steps = [{ event: { kind: 'timeout', after: 300 }, expect: '421', note: 'No settings here.' }];
    expect(() => parseScenario({ ...valid, steps }, 'smtp-example.json')).toThrow(/after/);
  });
});
