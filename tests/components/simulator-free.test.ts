// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';
import { submissionScenario } from '../machines/scenario-player.fixture.ts';

vi.mock('../../src/components/widgets/scenarios.ts', () => ({
  scenarioIds: ['test-submission'],
  loadScenario: async (id: string) => (id === 'test-submission' ? submissionScenario : undefined),
}));

afterEach(() => cleanup());

const lastLines = (n: number) =>
  [...screen.getByRole('log').querySelectorAll('.row')].slice(-n).map((row) =>
    row.classList.contains('event') ? `[${row.textContent?.trim()}]` : `${row.querySelector('.who')?.textContent} ${row.querySelector('.text')?.textContent}`,
  );

async function open(props: Record<string, unknown>) {
  const user = userEvent.setup();
  render(SessionSimulator, { props });
  await screen.findByRole('log');
  return user;
}

const input = () => screen.getByRole('textbox', { name: /Command/ }) as HTMLInputElement;

describe('SessionSimulator, free mode', () => {
  test('takes over and shows the real error for a wrong command, explained from the catalogue', async () => {
    const user = await open({ scenario: 'test-submission', startStep: 1 });
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    expect(document.activeElement).toBe(input());
    expect(screen.getByRole('textbox', { name: 'Command to send to the SMTP server' })).toBe(input());
    await user.type(input(), 'RCPT TO:<bob@example.test>{Enter}');
    expect(lastLines(2)).toEqual(['C: RCPT TO:<bob@example.test>', 'S: 503 5.5.1 Error: need MAIL command']);
    const note = screen.getByText('What the server said').parentElement!;
    expect(note.textContent).toContain('503: Bad sequence of commands.');
    expect(note.textContent).toContain('5.5.1: Invalid command.');
    expect(input().value).toBe('');
  });

  test('lists exactly the commands the state allows and fills the input without sending', async () => {
    const user = await open({ scenario: 'test-submission', startStep: 1, mode: 'free' });
    const palette = screen.getByRole('group', { name: 'Commands the server accepts in the ready state:' });
    const verbs = within(palette).getAllByRole('button').map((b) => b.textContent);
    expect(verbs).toEqual(['EHLO', 'HELO', 'STARTTLS', 'RSET', 'NOOP', 'VRFY', 'HELP', 'QUIT']);
    await user.click(within(palette).getByRole('button', { name: 'STARTTLS' }));
    expect(input().value).toBe('STARTTLS');
    expect(document.activeElement).toBe(input());
    expect(input().selectionStart).toBe('STARTTLS'.length);
    expect(lastLines(1)).toEqual(['S: 250 LIMITS RCPTMAX=100']);
  });

  test('brings back earlier commands with ArrowUp and ArrowDown', async () => {
    const user = await open({ protocol: 'smtp', port: 587 });
    await user.type(input(), 'EHLO one{Enter}');
    await user.type(input(), 'NOOP{Enter}');
    await user.type(input(), 'draft');
    await user.keyboard('{ArrowUp}');
    expect(input().value).toBe('NOOP');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(input().value).toBe('EHLO one');
    await user.keyboard('{ArrowDown}');
    expect(input().value).toBe('NOOP');
    await user.keyboard('{ArrowDown}');
    expect(input().value).toBe('draft');
  });

  test('says what the server waits for inside DATA', async () => {
    const user = await open({ protocol: 'smtp', port: 25 });
    for (const line of ['EHLO laptop', 'MAIL FROM:<carol@example.org>', 'RCPT TO:<bob@example.test>', 'DATA']) await user.type(input(), `${line}{Enter}`);
    expect(lastLines(1)).toEqual(['S: 354 End data with <CR><LF>.<CR><LF>']);
    expect(screen.getByText("The server is reading message text: end it with a line containing only '.'")).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Commands the server accepts/ })).toBeNull();
  });

  test('tags IMAP commands for the learner unless told not to', async () => {
    const user = await open({ protocol: 'imap', port: 143 });
    await user.type(input(), 'CAPABILITY{Enter}');
    expect(lastLines(2)[1]).toBe('S: a1 OK Pre-login capabilities listed, post-login capabilities have more.');
    expect(lastLines(3)[0]).toBe('C: a1 CAPABILITY');
    await user.type(input(), 'NOOP{Enter}');
    expect(lastLines(2)).toEqual(['C: a2 NOOP', 'S: a2 OK NOOP completed.']);
    await user.click(screen.getByRole('checkbox', { name: 'Add IMAP tags automatically' }));
    await user.type(input(), 'NOOP{Enter}');
    expect(lastLines(2)).toEqual(['C: NOOP', 'S: NOOP BAD Error in IMAP command received by server.']);
    expect(screen.getByText('What the server said').parentElement?.textContent).toContain('BAD: Protocol error.');
  });

  test('explains an IMAP tag under its own name', async () => {
    const user = await open({ protocol: 'imap', port: 143 });
    await user.type(input(), 'NOOP{Enter}');
    const tag = within(screen.getByRole('log')).getByRole('button', { name: 'a1' });
    await user.click(tag);
    const panel = document.getElementById(tag.getAttribute('aria-controls')!);
    expect(panel?.textContent).toContain('a1: Command tag.');
    expect(panel?.textContent).toContain('(RFC 3501 §2.2.1, §2.2.2)');
  });

  test('offers Reconnect once the connection is closed', async () => {
    const user = await open({ protocol: 'pop3', port: 995 });
    await user.type(input(), 'QUIT{Enter}');
    expect(lastLines(3)).toEqual(['C: QUIT', 'S: +OK Logging out', '[Connection closed]']);
    await user.type(input(), 'USER alice{Enter}');
    expect(screen.getByText('Not sent: the connection is closed. Reconnect first.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(lastLines(4).slice(0, 3)).toEqual([
      '[Connection closed]',
      '[New connection to the same server]',
      '[TLS handshake before any mail protocol byte (implicit TLS); everything after this is encrypted]',
    ]);
    expect(lastLines(1)[0]).toBe('S: +OK Mailwire POP3 ready.');
    expect(screen.queryByRole('button', { name: 'Reconnect' })).toBeNull();
    expect(document.activeElement).toBe(input());
  });

  test('goes back to the guided steps where the learner took over', async () => {
    const user = await open({ scenario: 'test-submission', startStep: 2 });
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    await user.type(input(), 'NOOP{Enter}');
    await user.click(screen.getByRole('button', { name: 'Back to the guided steps' }));
    expect(screen.getByText('Step 2 of 6')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next step' }));
    expect(lastLines(1)).toEqual(['S: 530 5.7.0 Must issue a STARTTLS command first']);
  });
});

describe('SessionSimulator, setup', () => {
  test.each<[ComponentProps<typeof SessionSimulator>, string]>([
    [{ scenario: 'no-such-scenario' }, 'There is no scenario called “no-such-scenario”. Scenarios: test-submission.'],
    [{ protocol: 'smtp', port: 995 }, 'SMTP is not served on port 995; use one of 25, 587, 465'],
    [{ scenario: 'test-submission', startStep: 9 }, 'Step 9 does not exist: this scenario has steps 0 (the greeting) to 6.'],
    [{ protocol: 'pop3', port: 110, mode: 'guided' }, 'Guided mode needs a scenario.'],
  ])('shows a clear message for bad props %o', async (props, message) => {
    render(SessionSimulator, { props });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This simulator cannot start.');
    expect(alert.textContent).toContain(message);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('marks its wrapper as hydrated so the static transcript can hide', async () => {
    const wrapper = document.body.appendChild(document.createElement('div'));
    wrapper.className = 'mw-widget';
    render(SessionSimulator, { props: { protocol: 'smtp', port: 587 }, target: wrapper });
    await screen.findByRole('log');
    expect(wrapper.hasAttribute('data-hydrated')).toBe(true);
    wrapper.remove();
  });

  test('copies the transcript and reports it', async () => {
    const user = await open({ scenario: 'test-submission', startStep: 1 });
    await user.click(screen.getByRole('button', { name: 'Copy transcript' }));
    expect(screen.getByText('Transcript copied (10 lines).')).toBeTruthy();
    expect((await navigator.clipboard.readText()).split('\n').slice(0, 2)).toEqual(['S: 220 mail.example.test ESMTP Mailwire', 'C: EHLO laptop']);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy transcript' }));
    expect(screen.getByText(/Could not copy/)).toBeTruthy();
  });
});
