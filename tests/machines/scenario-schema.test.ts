import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/machines/scenario-schema.ts';

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
});
