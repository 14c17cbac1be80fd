// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';
import { simulatorData } from '../../src/components/widgets/player-kit.ts';
import { submissionScenario } from '../machines/scenario-player.fixture.ts';

vi.mock('../../src/components/widgets/scenarios.ts', () => ({
  scenarioIds: ['test-submission'],
  loadScenario: async (id: string) => (id === 'test-submission' ? submissionScenario : undefined),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The log's lines as "C: …" / "S: …" / "[event]", as a learner reads them. */
function lines(): string[] {
  return [...screen.getByRole('log').querySelectorAll('.row')].map((row) =>
    row.classList.contains('event') ? `[${row.textContent?.trim()}]` : `${row.querySelector('.who')?.textContent} ${row.querySelector('.text')?.textContent}`,
  );
}

const EHLO_REPLY = [
  'S: 250-mail.example.test', 'S: 250-PIPELINING', 'S: 250-SIZE 10240000', 'S: 250-VRFY', 'S: 250-STARTTLS',
  'S: 250-ENHANCEDSTATUSCODES', 'S: 250-8BITMIME', 'S: 250 LIMITS RCPTMAX=100',
];

async function guided(props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  render(SessionSimulator, { props: { protocol: 'smtp', port: 587, scenario: 'test-submission', ...props } });
  await screen.findByRole('log');
  return user;
}

const button = (name: string) => screen.getByRole('button', { name });

describe('SessionSimulator with the build’s record', () => {
  // Issue 11: the first screen comes from the record without XState; the player machine starts a task later.
  test('shows its first screen at once and keeps a step taken before the player machine starts', async () => {
    const data = (await simulatorData({ scenario: 'test-submission' }))!;
    render(SessionSimulator, { props: { scenario: 'test-submission', data } });
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
    button('Next step').click();
    button('Next step').click();
    // Queued, not lost: both steps play once the machine is there, in order.
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
    await waitFor(() => expect(lines().slice(-2)).toEqual(['C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'S: 530 5.7.0 Must issue a STARTTLS command first']));
    expect(screen.getByText('Step 2 of 6')).toBeTruthy();
  });

  test('starts no player machine until the learner reaches for the widget', async () => {
    const data = (await simulatorData({ scenario: 'test-submission' }))!;
    const user = userEvent.setup();
    render(SessionSimulator, { props: { scenario: 'test-submission', data } });
    const widget = screen.getByRole('log').closest('section')!;
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(widget.dataset.player).toBe('waiting');
    await user.hover(screen.getByRole('button', { name: 'Next step' }));
    await waitFor(() => expect(widget.dataset.player).toBe('running'));
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
  });
});

describe('SessionSimulator, guided', () => {
  test('shows the greeting, its note and step 0 in a labelled log', async () => {
    await guided();
    const log = screen.getByRole('log', { name: 'Transcript' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
    expect(screen.getByText('The server greets with 220.')).toBeTruthy();
    expect(screen.getByText('Greeting (step 0 of 6)')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Session simulator: Logging in on 587' })).toBeTruthy();
  });

  test('steps forward, back and restarts with exactly the same transcript', async () => {
    const user = await guided();
    await user.click(button('Next step'));
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire', 'C: EHLO laptop', ...EHLO_REPLY]);
    await user.click(button('Next step'));
    expect(lines().slice(-2)).toEqual(['C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'S: 530 5.7.0 Must issue a STARTTLS command first']);
    expect(screen.getByText('Too early: port 587 wants TLS first.')).toBeTruthy();
    await user.click(button('Previous step'));
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire', 'C: EHLO laptop', ...EHLO_REPLY]);
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
    await user.click(button('Restart'));
    expect(lines()).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
  });

  test('starts at the start step and moves with Alt+ArrowRight and Alt+ArrowLeft', async () => {
    const user = await guided({ startStep: 3 });
    expect(lines().slice(-3)).toEqual(['C: STARTTLS', 'S: 220 2.0.0 Ready to start TLS', '[TLS handshake on the same connection; everything after this is encrypted]']);
    expect(screen.getByText('Encrypted (STARTTLS)', { exact: false })).toBeTruthy();
    button('Next step').focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(screen.getByText('Step 4 of 6')).toBeTruthy();
    await user.keyboard('{Alt>}{ArrowLeft}{ArrowLeft}{/Alt}');
    expect(screen.getByText('Step 2 of 6')).toBeTruthy();
  });

  test('marks the current state and the last move in the diagram and its sentence', async () => {
    const user = await guided({ startStep: 2 });
    const picture = () => screen.getByRole('img', { name: /^SMTP server states/ });
    const marked = (selector: string) => [...picture().querySelectorAll<SVGGElement>(selector)].map((g) => g.dataset.state ?? `${g.dataset.from} → ${g.dataset.to}`);
    expect(screen.getByText('State: greeted. Last: connected → greeted on EHLO.')).toBeTruthy();
    expect(picture().getAttribute('aria-label')).toMatch(/Now: greeted\.$/);
    expect(marked('.is-current')).toEqual(['ready']);
    expect(marked('.is-last')).toEqual(['connected → ready']);
    // Not by colour alone: a dot in the current box, and the words list says it too.
    expect(picture().querySelectorAll('.mw-dg-now')).toHaveLength(1);
    expect(picture().querySelector('.is-current .mw-dg-now')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(picture().querySelector('.is-current text')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const words = screen.getByText('The states in words').closest('details')!;
    expect(within(words).getByText('(the session is here now)').closest('li')?.textContent).toMatch(/^greeted \(after EHLO or HELO\)/);
    expect(within(words).getByText('(the last move)').closest('li')?.textContent).toMatch(/^to greeted on EHLO, HELO/);
    await user.click(button('Next step'));
    expect(screen.getByText('State: connected. Last: greeted → connected on STARTTLS.')).toBeTruthy();
    expect(marked('.is-current')).toEqual(['connected']);
    expect(marked('.is-last')).toEqual(['ready → connected']);
    expect(picture().querySelectorAll('.mw-dg-now')).toHaveLength(1);
  });

  test('says why autoplay is unavailable when the user prefers reduced motion', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {} }));
    await guided();
    expect(button('Play').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/Autoplay is off because your device asks for reduced motion/)).toBeTruthy();
  });
});

describe('SessionSimulator, tokens and the wire', () => {
  test('opens and closes a code explanation with aria-expanded, and Escape closes it', async () => {
    const user = await guided({ startStep: 2 });
    const code = within(screen.getByRole('log')).getByRole('button', { name: '530' });
    expect(code.getAttribute('aria-expanded')).toBe('false');
    await user.click(code);
    expect(code.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(code.getAttribute('aria-controls')!);
    expect(panel?.textContent).toContain('530: Authentication or TLS required.');
    await user.click(code);
    expect(code.getAttribute('aria-expanded')).toBe('false');
    await user.click(code);
    await user.keyboard('{Escape}');
    expect(code.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(code);
  });

  test('shows AUTH readable on the wire before STARTTLS and as simulated ciphertext after it', async () => {
    const user = await guided({ startStep: 5 });
    await user.click(button('On the wire'));
    expect(button('On the wire').getAttribute('aria-pressed')).toBe('true');
    const auth = lines().filter((l) => l.includes('AGFsaWNlAHdvbmRlcmxhbmQ='));
    expect(auth).toEqual(['C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=']);
    const rows = [...screen.getByRole('log').querySelectorAll('.row.client')];
    const secret = rows.at(-1)!;
    expect(secret.textContent).toContain('(simulated ciphertext)');
    expect(secret.querySelector('.text')?.textContent).toMatch(/^FwMD[A-Za-z0-9+/=]+$/);
    await user.click(button('On the wire'));
    expect(lines().filter((l) => l.includes('AGFsaWNlAHdvbmRlcmxhbmQ='))).toHaveLength(2);
  });
});
