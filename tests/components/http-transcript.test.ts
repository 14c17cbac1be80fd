import { describe, expect, it } from 'vitest';
import ScenarioTranscript from '../../src/components/lesson/ScenarioTranscript.astro';
import { httpTranscriptView, testScenarioById, testScenarios } from '../../src/components/lesson/http-transcript.ts';
import { allScenarios } from '../../src/components/lesson/scenario-transcript.ts';
import { renderToDom, text } from './render.ts';

describe('static transcripts of the HTTP test scenarios', () => {
  it('are kept apart from the course scenarios', () => {
    expect(testScenarios.map((s) => s.id)).toEqual(['hello-get']);
    expect(allScenarios.some((s) => s.id.startsWith('hello'))).toBe(false);
  });

  it('write each request and response as on the wire, C: and S: lines with headers and body', () => {
    const view = httpTranscriptView(testScenarioById('hello-get')!);
    expect(view.blocks.map((b) => b.label)).toEqual(['Connection', 'Step 1', 'Step 2', 'Step 3', 'Step 4']);
    expect(view.blocks[1]!.code).toBe(
      [
        'C: GET /hello?name=ada HTTP/1.1',
        'C: Host: mail.example.test:8080',
        'S: HTTP/1.1 200 OK',
        'S: Content-Type: text/plain; charset=utf-8',
        'S: Content-Length: 11',
        'S:',
        'S: Hello, ada',
      ].join('\n'),
    );
    expect(view.blocks[3]!.code).toContain('C: Content-Type: application/json\nC:\nC: {"name":"ada"}');
    expect(view.blocks[3]!.code).toContain('S: Allow: GET');
    expect(view.blocks[4]!.code.split('\n').at(-1)).toBe('[Connection closed]');
    expect(view.blocks.slice(1).every((b) => b.protection === 'plain')).toBe(true);
  });

  it('render through <ScenarioTranscript> at build time', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'hello-get' });
    const steps = [...doc.querySelectorAll('.mw-transcript-step')];
    expect(steps).toHaveLength(5);
    expect(text(steps[1])).toContain('GET /hello?name=ada HTTP/1.1');
    expect(text(steps[1])).toContain('HTTP/1.1 200 OK');
    expect(text(steps[3])).toContain('HTTP/1.1 405 Method Not Allowed');
  });
});
