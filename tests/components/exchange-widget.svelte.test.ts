// @vitest-environment jsdom
/**
 * The Exchange widget: the palette comes from endpoints(), the deployment switch changes it and the host, sign-in
 * gets tokens through real requests, messages are pretty-printed with their parts explainable, guided steps play
 * from the build's record, and bad input gets the server's answer.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import ExchangeSimulator from '../../src/components/widgets/ExchangeSimulator.svelte';
import { exchangeWidgetData } from '../../src/components/widgets/simulator/exchange-bake.ts';
import '../../src/machines/http-servers.ts';
import { endpoints } from '../../src/protocols/exchange/endpoints.ts';
import type { HttpScenario } from '../../src/scenarios/http-scenario.ts';

afterEach(() => cleanup());

const names = { 'server-se': 'Exchange Server SE', online: 'Exchange Online' } as const;
const base = { ...exchangeWidgetData(), deploymentNames: names };
const httpRows = () => [...screen.getByRole('log').querySelectorAll<HTMLElement>('.row.http')];
const lastResponse = () => httpRows().filter((r) => r.dataset.http === 'response').at(-1);

async function pick(user: ReturnType<typeof userEvent.setup>, label: string) {
  const select = screen.getByRole('combobox', { name: 'Endpoint' });
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  await user.selectOptions(select, option.value);
}

describe('ExchangeSimulator, free mode', () => {
  test('the palette is endpoints() of the chosen deployment, grouped; switching deployment changes it and the host', async () => {
    const user = userEvent.setup();
    render(ExchangeSimulator, { props: base });
    const select = screen.getByRole('combobox', { name: 'Endpoint' });
    const options = () => [...select.querySelectorAll('option')].map((o) => o.value);
    expect(options()).toEqual(endpoints('server-se').map((t) => t.id));
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Autodiscover', 'EWS (SOAP)', 'Exchange ActiveSync']);
    const host = () => document.querySelector('.hint code')?.textContent;
    expect(host()).toBe('autodiscover.example.test');
    await pick(user, 'EWS FindItem');
    expect(host()).toBe('mail.example.test');
    expect((screen.getByRole('textbox', { name: /Body/ }) as HTMLTextAreaElement).value).toContain('<m:FindItem Traversal="Shallow">');
    await user.click(screen.getByRole('radio', { name: 'Exchange Online' }));
    expect(options()).toEqual(endpoints('online').map((t) => t.id));
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toContain('Microsoft Graph');
    // The chosen endpoint stays, now on Exchange Online's host.
    expect(host()).toBe('outlook.office365.test');
    expect(screen.getByRole('log').textContent).toContain('Now addressing Exchange Online');
  });

  test('Exchange Server SE: without credentials EWS answers 401 with a Basic challenge; signed in, FindItem succeeds and its parts explain', async () => {
    const user = userEvent.setup();
    render(ExchangeSimulator, { props: base });
    await pick(user, 'EWS FindItem');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('401'));
    await waitFor(() => expect(lastResponse()!.querySelector('.fields')?.textContent).toContain('WWW-Authenticate: Basic realm="mail.example.test"'));
    await user.click(screen.getByRole('button', { name: 'Sign in as alice' }));
    expect((screen.getByRole('textbox', { name: /Header fields/ }) as HTMLTextAreaElement).value).toMatch(/^Authorization: Basic /m);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('200'));
    const response = lastResponse()!;
    // XML indented, one element a line.
    await waitFor(() => expect(response.querySelector('.body')?.textContent).toMatch(/\n\s+<m:FindItemResponseMessage ResponseClass="Success">/));
    const success = within(response).getByRole('button', { name: 'Success' });
    await user.click(success);
    expect(success.getAttribute('aria-expanded')).toBe('true');
    expect(response.querySelector('.explanation')?.textContent).toContain('ResponseClass Success');
    await user.click(within(response).getByRole('button', { name: 'NoError' }));
    expect(response.querySelector('.explanation')?.textContent).toContain('No error');
    // A long body folds to its first lines behind a button; unfolded, it shows them all.
    const fold = within(response).getByRole('button', { name: /^Show all \d+ lines$/ });
    const lines = Number(/\d+/.exec(fold.textContent ?? '')![0]);
    expect(lines).toBeGreaterThan(40);
    expect(response.querySelector('.body')!.textContent!.split('\n')).toHaveLength(25);
    await user.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    expect(response.querySelector('.body')!.textContent!.split('\n')).toHaveLength(lines);
  });

  test('Exchange Online: sign-in is the device code flow in the transcript, then Graph lists mail with a next page to explain', async () => {
    const user = userEvent.setup();
    render(ExchangeSimulator, { props: { ...base, deployment: 'online' as const } });
    await user.click(screen.getByRole('button', { name: 'Sign in as alice' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Signed in as alice' })).toBeTruthy());
    const log = screen.getByRole('log').textContent ?? '';
    expect(log.match(/oauth2\/v2\.0\/devicecode/g)).toHaveLength(2);
    expect(log).toContain('https://microsoft.test/devicelogin');
    await pick(user, 'List messages');
    expect((screen.getByRole('textbox', { name: /Header fields/ }) as HTMLTextAreaElement).value).toMatch(/^Authorization: Bearer ey/m);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('200'));
    const response = lastResponse()!;
    await waitFor(() => expect(response.querySelector('.body')?.textContent).toContain('  "value": ['));
    await user.click(within(response).getByRole('button', { name: '@odata.nextLink' }));
    expect(response.querySelector('.explanation')?.textContent).toContain('The next page');
  });

  test('bad input gets the server’s answer: a garbage method 400, invalid XML a SOAP error, a header line without a colon 400', async () => {
    const user = userEvent.setup();
    render(ExchangeSimulator, { props: base });
    await pick(user, 'EWS GetFolder');
    const method = screen.getByRole('textbox', { name: 'Method' });
    await user.clear(method);
    await user.type(method, 'G E T');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('400'));
    await pick(user, 'EWS FindItem');
    await user.click(screen.getByRole('button', { name: 'Sign in as alice' }));
    const body = screen.getByRole('textbox', { name: /Body/ });
    await user.clear(body);
    await user.type(body, '<soap:Envelope>not closed');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(Number(lastResponse()?.dataset.status)).toBeGreaterThanOrEqual(400));
    const headers = screen.getByRole('textbox', { name: /Header fields/ });
    await user.type(headers, '\nno colon here');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(lastResponse()?.querySelector('.body')?.textContent ?? '').toContain('has no colon'));
    expect(lastResponse()?.dataset.status).toBe('400');
  });
});

describe('ExchangeSimulator, guided', () => {
  test('plays a course scenario by id: several connections and world events from the build, explained', () => {
    const data = exchangeWidgetData('exchange-graph-throttled');
    const statuses = data.played!.steps.flat().flatMap((r) => (r.kind === 'response' ? [r.response.status] : []));
    expect(statuses).toContain(429);
    expect(data.baked!.explanations['status:429']?.text).toContain('Retry-After');
    expect(data.baked!.explanations['header:retry-after']).toBeDefined();
  });

  const scenario: HttpScenario = {
    id: 'exchange-widget-test',
    title: 'EWS on Exchange Server SE',
    summary: 'A test scenario.',
    protocol: 'exchange',
    port: 443,
    greetingNote: 'HTTPS first.',
    steps: [
      { request: { method: 'GET', target: '/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=Nonsense', headers: [['Host', 'autodiscover.example.test']] }, expect: '400', note: 'An unknown protocol.' },
      { request: { method: 'POST', target: '/EWS/Exchange.asmx', headers: [['Content-Type', 'text/xml; charset=utf-8']], body: '<x/>' }, expect: '401', note: 'No credentials.' },
    ],
  };
  const data = exchangeWidgetData('exchange-widget-test', (id) => (id === scenario.id ? scenario : undefined));

  test('steps come from the build’s record with their explanations, before any engine; Alt+→ steps', async () => {
    const user = userEvent.setup();
    expect(data.baked?.explanations['autodiscover:InvalidProtocol']?.title).toBe('Protocol not known');
    render(ExchangeSimulator, { props: { ...data, deploymentNames: names } });
    expect(screen.queryByRole('radio')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('400'));
    await user.click(within(lastResponse()!).getByRole('button', { name: 'InvalidProtocol' }));
    expect(lastResponse()!.querySelector('.explanation')?.textContent).toContain('EWS, ActiveSync and AutodiscoverV1');
    expect(document.querySelector('[data-engine]')).toBeNull();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('401'));
    expect(screen.getByText('Step 2 of 2')).toBeTruthy();
    // The line simulator's controls: at the end "Next step" stays focusable (aria-disabled), Restart goes back.
    const next = screen.getByRole('button', { name: 'Next step' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    expect(httpRows()).toHaveLength(0);
    await user.click(next);
    await waitFor(() => expect(lastResponse()?.dataset.status).toBe('400'));
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(document.querySelector('[data-engine="ready"]')).toBeTruthy());
    expect(screen.getByRole('combobox', { name: 'Endpoint' })).toBeTruthy();
  });
});
