// @vitest-environment jsdom
/** The simulator as pages use it: the build's record as a prop, and the engine only once the learner types. */
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';
import { bake, type SimulatorData } from '../../src/components/widgets/simulator/bake.ts';
import { portFact, roleLabels, securityLabels } from '../../src/data/lookup.ts';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import { smtpDriver } from '../../src/machines/smtp-session.driver.ts';
import { explainPop3 } from '../../src/protocols/pop3/replies.ts';
import { explainSmtp } from '../../src/protocols/smtp/replies.ts';
import { blockedScenario, submissionScenario, testKit } from '../machines/scenario-player.fixture.ts';

// Every engine download goes through here: tests count them and can hold one back.
const downloads = vi.hoisted(() => ({ protocols: [] as string[], gate: Promise.resolve() }));
vi.mock('../../src/components/widgets/engine.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/components/widgets/engine.ts')>();
  return {
    ...real,
    loadEngine: async (protocol: 'smtp' | 'pop3' | 'imap') => {
      downloads.protocols.push(protocol);
      await downloads.gate;
      return real.loadEngine(protocol);
    },
  };
});
// The fallback loader must stay out of pages that have the build's record.
const fallback = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../src/components/widgets/player-kit.ts', () => ({
  loadKit: () => ((fallback.loads += 1), new Promise(() => {})),
}));

beforeEach(() => {
  downloads.protocols = [];
  downloads.gate = Promise.resolve();
  fallback.loads = 0;
});
afterEach(() => cleanup());

const guidedData = (startStep = 0): SimulatorData =>
  bake(testKit({ scenario: submissionScenario, startStep }), { explain: explainSmtp, machine: smtpDriver.machine });
/** The security badge's port line, with the data file's labels (whatever their wording). */
const badgeText = (port: number) => `Port ${port}: ${securityLabels[portFact(port)!.security]} · ${roleLabels[portFact(port)!.role]}`;
const blockedData = (startStep = 0): SimulatorData =>
  bake(testKit({ scenario: blockedScenario, startStep }), { explain: explainSmtp, machine: smtpDriver.machine });
const freeData = (): SimulatorData => bake(testKit({ protocol: 'pop3', port: 110 }), { explain: explainPop3, machine: pop3Driver.machine });

function lines(): string[] {
  return [...screen.getByRole('log').querySelectorAll('.row')].map((row) =>
    row.classList.contains('event') ? `[${row.textContent?.trim()}]` : `${row.querySelector('.who')?.textContent} ${row.querySelector('.text')?.textContent}`,
  );
}

async function open(data: SimulatorData) {
  const user = userEvent.setup();
  render(SessionSimulator, { props: { data } });
  await screen.findByRole('log');
  // The first screen needs no machine; the player machine starts when the learner reaches for the widget, and
  // steps taken before it runs are played when it does (simulator-widget.test.ts). Reach for it, and wait.
  const widget = screen.getByRole('log').closest('section')!;
  expect(widget.dataset.player).toBe('waiting');
  await user.hover(widget);
  await vi.waitFor(() => expect(widget.dataset.player).toBe('running'));
  return user;
}

const button = (name: string) => screen.getByRole('button', { name });
const input = () => screen.getByRole('textbox', { name: /Command/ }) as HTMLInputElement;

describe('SessionSimulator with the build’s record', () => {
  test('steps forward and back, explains a code and draws the diagram with no engine loaded', async () => {
    const user = await open(guidedData());
    expect(screen.getByRole('region', { name: 'Session simulator: Logging in on 587' })).toBeTruthy();
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
    expect(screen.getByText('Port 587: STARTTLS · Submission (program to server)')).toBeTruthy();
    await user.click(button('Next step'));
    await user.click(button('Next step'));
    expect(lines().slice(-2)).toEqual(['C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'S: 530 5.7.0 Must issue a STARTTLS command first']);
    expect(screen.getByText('Too early: port 587 wants TLS first.')).toBeTruthy();
    await user.click(button('Next step'));
    expect(screen.getByText('State: connected. Last: greeted → connected on STARTTLS.')).toBeTruthy();
    expect(screen.getByText('Encrypted (STARTTLS)', { exact: false })).toBeTruthy();
    await user.click(button('Previous step'));
    expect(screen.getByText('Step 2 of 6')).toBeTruthy();
    const code = within(screen.getByRole('log')).getByRole('button', { name: '530' });
    await user.click(code);
    expect(document.getElementById(code.getAttribute('aria-controls')!)?.textContent).toContain('530: Authentication or TLS required.');
    button('Next step').focus();
    await user.keyboard('{Alt>}{ArrowLeft}{ArrowLeft}{/Alt}');
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
    expect([downloads.protocols, fallback.loads]).toEqual([[], 0]);
  });

  test('takes over: loads the engine once, and the next command gets the real reply', async () => {
    const user = await open(guidedData(1));
    await user.click(button('Take over'));
    expect(document.activeElement).toBe(input());
    await user.type(input(), 'RCPT TO:<bob@example.test>{Enter}');
    await vi.waitFor(() => expect(lines().slice(-2)).toEqual(['C: RCPT TO:<bob@example.test>', 'S: 503 5.5.1 Error: need MAIL command']));
    expect(screen.getByText('What the server said').parentElement?.textContent).toContain('503: Bad sequence of commands.');
    await user.type(input(), 'NOOP{Enter}');
    expect(lines().slice(-2)).toEqual(['C: NOOP', 'S: 250 2.0.0 Ok']);
    await user.click(button('Back to the guided steps'));
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
    expect(lines().at(-1)).toBe('S: 250 LIMITS RCPTMAX=100');
    expect([downloads.protocols, fallback.loads]).toEqual([['smtp'], 0]);
  });

  test('opens the playground on the recorded greeting and palette, and loads the engine when the learner reaches for it', async () => {
    let release = () => {};
    downloads.gate = new Promise<void>((resolve) => (release = resolve));
    const user = await open(freeData());
    expect(lines()).toEqual(['S: +OK Mailwire POP3 ready.']);
    const palette = screen.getByRole('group', { name: 'Commands the server accepts in the authorization state:' });
    expect(within(palette).getAllByRole('button').map((b) => b.textContent)).toEqual(['CAPA', 'STLS', 'USER', 'APOP', 'AUTH', 'QUIT']);
    expect(downloads.protocols).toEqual([]);
    await user.click(input());
    expect(downloads.protocols).toEqual(['pop3']);
    // Typed while the engine is still on its way: queued, not dropped.
    await user.type(input(), 'CAPA{Enter}');
    expect(screen.getByText('Connecting to the POP3 server…')).toBeTruthy();
    expect(lines()).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(lines().slice(1, 3)).toEqual(['C: CAPA', 'S: +OK']));
    expect(screen.queryByText('Connecting to the POP3 server…')).toBeNull();
    expect([downloads.protocols, fallback.loads]).toEqual([['pop3'], 0]);
  });

  test('says so when the engine cannot load, and sends the queued line after Try again', async () => {
    let fail = true;
    downloads.gate = Promise.resolve();
    const user = await open(freeData());
    downloads.gate = { then: (ok: () => void, no: (e: Error) => void) => (fail ? no(new Error('offline')) : ok()) } as unknown as Promise<void>;
    await user.type(input(), 'CAPA{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The POP3 server could not load. offline');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(lines()[1]).toBe('C: CAPA'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('plays a blocked port, a reconnect to another port and a timeout, and the badge follows the port', async () => {
    const user = await open(blockedData());
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatch(/^\[No answer on port 25: .*no server said anything\./);
    expect(screen.queryByRole('button', { name: '220' })).toBeNull();
    expect(screen.getByText(badgeText(25))).toBeTruthy();
    await user.click(button('Next step'));
    expect(lines().slice(-2)).toEqual(['[New connection to port 587]', 'S: 220 mail.example.test ESMTP Mailwire']);
    expect(screen.getByText(badgeText(587))).toBeTruthy();
    await user.click(button('Next step'));
    await user.click(button('Next step'));
    expect(lines().slice(-2)).toEqual(['S: 421 4.4.2 mail.example.test Error: timeout exceeded', '[Connection closed]']);
    expect(screen.getByText('Silent too long: the server says goodbye.')).toBeTruthy();
    await user.click(button('Next step'));
    expect(lines().slice(-2)[0]).toBe('[Connection attempt to port 25]');
    expect(lines().at(-1)).toMatch(/^\[No answer on port 25: /);
    expect([downloads.protocols, fallback.loads]).toEqual([[], 0]);
  });

  test('takes over after a blocked attempt and reconnects on the port the learner picks', async () => {
    const user = await open(blockedData(4));
    await user.click(button('Take over'));
    await vi.waitFor(() => expect(screen.getByText('The connection is closed.')).toBeTruthy());
    // Reconnect goes back to port 25, where the learner is; the other ports have a button each.
    const choices = [...screen.getByRole('button', { name: 'Reconnect' }).parentElement!.querySelectorAll('button')].map((b) => b.textContent);
    expect(choices).toEqual(['Reconnect', 'Connect to port 587', 'Connect to port 465']);
    await user.click(button('Connect to port 587'));
    await vi.waitFor(() => expect(lines().slice(-2)).toEqual(['[New connection to port 587]', 'S: 220 mail.example.test ESMTP Mailwire']));
    expect(document.activeElement).toBe(input());
    await user.type(input(), 'EHLO laptop{Enter}');
    expect(lines().at(-1)).toBe('S: 250 LIMITS RCPTMAX=100');
    expect(screen.getByText(badgeText(587))).toBeTruthy();
  });
});
