// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import HttpSimulator from '../../src/components/widgets/HttpSimulator.svelte';
import { prettyBody, requestView, responseView } from '../../src/components/widgets/simulator/http-message.ts';
import '../../src/machines/http-servers.ts';
import { playHttpScenario } from '../../src/scenarios/http-play.ts';
import { parseHttpScenario } from '../../src/scenarios/http-schema.ts';
import helloGet from '../../src/content/test-scenarios/hello-get.json';
import { openHttpSession } from '../../src/machines/http-session.ts';

afterEach(() => cleanup());

const scenario = parseHttpScenario(helloGet, 'hello-get.json');
const playback = playHttpScenario(scenario, openHttpSession);
const props = {
  protocol: 'hello' as const,
  port: 8080,
  scenario,
  played: { greeting: playback.greeting, steps: playback.played.map((p) => p.entries) },
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
  host: 'mail.example.test:8080',
};

const httpRows = () => [...screen.getByRole('log').querySelectorAll<HTMLElement>('.row.http')];

describe('HttpSimulator', () => {
  test('shows a guided step as a request and a response, in the announced log', async () => {
    const user = userEvent.setup();
    render(HttpSimulator, { props });
    const log = screen.getByRole('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(httpRows()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    // A message's view is its own chunk: the row shows its start line until it has loaded.
    await waitFor(() => expect(httpRows()[1]?.querySelector('.body')).toBeTruthy());
    const [request, response] = httpRows();
    expect(request!.dataset.http).toBe('request');
    expect(request!.querySelector('.start')?.textContent).toBe('GET /hello?name=ada HTTP/1.1');
    expect(request!.textContent).toContain('Client request:');
    expect(request!.querySelector('.fields')?.textContent).toContain('Host: mail.example.test:8080');
    expect(response!.dataset.status).toBe('200');
    expect(response!.querySelector('.start')?.textContent).toBe('HTTP/1.1 200 OK');
    expect(response!.textContent).toContain('Server response:');
    expect(response!.querySelector('.fields')?.textContent).toContain('Content-Type: text/plain; charset=utf-8');
    expect(response!.querySelector('.body')?.textContent).toBe('Hello, ada');
    expect(screen.getByText(/Step 1 of 4/)).toBeTruthy();
  });

  test('free mode composes a request: method and path, and the server answers 405 with Allow', async () => {
    const user = userEvent.setup();
    render(HttpSimulator, { props: { ...props, startStep: 1 } });
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    const method = await screen.findByRole('combobox', { name: 'Method' });
    await user.selectOptions(method, 'POST');
    const path = screen.getByRole('textbox', { name: 'Path and query' });
    await user.clear(path);
    await user.type(path, '/hello');
    await user.type(screen.getByRole('textbox', { name: /Body/ }), 'hi');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(httpRows()[3]?.querySelector('.fields')).toBeTruthy());
    const [, , request, response] = httpRows();
    expect(request!.querySelector('.start')?.textContent).toBe('POST /hello HTTP/1.1');
    expect(request!.querySelector('.body')?.textContent).toBe('hi');
    expect(response!.querySelector('.start')?.textContent).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(response!.querySelector('.fields')?.textContent).toContain('Allow: GET');
  });

  test('opens a new connection after the server closed one', async () => {
    const user = userEvent.setup();
    render(HttpSimulator, { props: { ...props, startStep: 4 } });
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    await user.click(await screen.findByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.getByRole('log').textContent).toContain('New connection to the same server'));
    expect(httpRows().at(-1)!.querySelector('.body')?.textContent).toBe('Hello, ada');
  });
});

describe('HTTP messages as rows', () => {
  test('indent a JSON body, keep text, and name binary by its size', () => {
    expect(prettyBody('{"a":[1,2]}', 'application/json')).toEqual(['{', '  "a": [', '    1,', '    2', '  ]', '}']);
    expect(prettyBody('not json', 'application/json')).toEqual(['not json']);
    expect(prettyBody('\x00\x01\x02', 'application/octet-stream')).toEqual(['[3 octets of binary data]']);
    expect(prettyBody('Hello, \xc3\xa9\n', 'text/plain')).toEqual(['Hello, é']);
  });

  test('leave Date and Content-Length out of the view, keep the fields that say something', () => {
    const response = responseView({ status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain'], ['Date', 'x'], ['Content-Length', '3']], body: 'hi\n' });
    expect(response.headers).toEqual([['Content-Type', 'text/plain']]);
    expect(requestView({ method: 'GET', target: '/', headers: [['Host', 'h']], body: '' }).start).toBe('GET / HTTP/1.1');
  });
});
