// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { createActor, waitFor } from 'xstate';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';
import { loadKit } from '../../src/components/widgets/player-kit.ts';
import CopyTranscript from '../../src/components/widgets/simulator/CopyTranscript.svelte';
import Transcript from '../../src/components/widgets/simulator/Transcript.svelte';
import { scenarioPlayerMachine } from '../../src/machines/scenario-player.machine.ts';
import { earlierLabel, hiddenRows, ROW_PAGE } from '../../src/components/widgets/simulator/transcript-window.ts';

afterEach(() => cleanup());

const log = () => screen.getByRole('log');
const input = () => screen.getByRole('textbox', { name: /Command/ }) as HTMLInputElement;

/** Sends one line the way the form does, without a keystroke per character: 5,000 of them stay quick. */
function send(line: string) {
  fireEvent.input(input(), { target: { value: line } });
  fireEvent.submit(input().form!);
  flushSync();
}

describe('transcript window', () => {
  test('draws the newest page of rows and says how many earlier ones are folded', () => {
    expect(hiddenRows(150, ROW_PAGE)).toBe(0);
    expect(hiddenRows(10_003, ROW_PAGE)).toBe(10_003 - ROW_PAGE);
    expect(hiddenRows(10_003, 4 * ROW_PAGE)).toBe(10_003 - 4 * ROW_PAGE);
    expect(earlierLabel(1_234)).toBe('Show 200 earlier lines (1,234 not shown)');
    expect(earlierLabel(1)).toBe('Show 1 earlier line (1 not shown)');
  });
});

describe('SessionSimulator, a long free session', () => {
  test('keeps the drawn rows bounded over 5,000 commands, and copies all of them', async () => {
    // The session's rows come from the real player and engine; the transcript and the copy button get them all.
    const actor = createActor(scenarioPlayerMachine, { input: { load: () => loadKit({ protocol: 'pop3', port: 995 }) } });
    actor.start();
    await waitFor(actor, (s) => s.matches('free'));
    for (const line of ['USER alice', 'PASS wonderland']) actor.send({ type: 'user.send', line });
    const explain = (token: string) => (token === '+OK' ? { token, title: 'Positive status', text: 'It worked.', rfc: 'RFC 1939 §3' } : undefined);
    const props = { protocol: 'pop3' as const, wire: false, explain, uid: 't', quiet: false, reducedMotion: true };
    const rowsAfter = (commands: number) => {
      for (let sent = countSent(); sent < commands; sent++) actor.send({ type: 'user.send', line: 'NOOP' });
      return actor.getSnapshot().context.rows;
    };
    const countSent = () => actor.getSnapshot().context.rows.filter((r) => r.entry.kind === 'client' && r.entry.text === 'NOOP').length;

    const view = render(Transcript, { props: { ...props, rows: rowsAfter(1) } });
    const drawn = () => screen.getByRole('log').querySelectorAll('.row').length;
    const first = drawn();
    for (const n of [1_000, 2_500, 5_000]) {
      await view.rerender({ ...props, rows: rowsAfter(n) });
      expect(drawn()).toBe(ROW_PAGE);
      // Explanation buttons only in drawn rows: one per drawn server line.
      expect(screen.getByRole('log').querySelectorAll('button').length).toBe(ROW_PAGE / 2);
    }
    expect(first).toBeLessThan(ROW_PAGE);
    expect(screen.getByRole('log').lastElementChild?.textContent).toContain('+OK');
    expect(screen.getByRole('button', { name: `Show 200 earlier lines (${(actor.getSnapshot().context.rows.length - ROW_PAGE).toLocaleString('en')} not shown)` })).toBeTruthy();

    const user = userEvent.setup();
    render(CopyTranscript, { props: { rows: actor.getSnapshot().context.rows } });
    await user.click(screen.getByRole('button', { name: 'Copy transcript' }));
    const copied = (await navigator.clipboard.readText()).split('\n');
    expect(copied).toHaveLength(actor.getSnapshot().context.rows.length);
    expect(copied.filter((l) => l === 'C: NOOP')).toHaveLength(5_000);
    expect(copied.every((l, i) => l !== 'C: NOOP' || copied[i + 1] === 'S: +OK')).toBe(true);
    expect(copied.slice(1, 6)).toEqual(['S: +OK Mailwire POP3 ready.', 'C: USER alice', 'S: +OK', 'C: PASS wonderland', 'S: +OK Logged in.']);
    expect(screen.getByText(`Transcript copied (${copied.length} lines).`)).toBeTruthy();
    actor.stop();
  }, 60_000);

  test('unfolds earlier lines without announcing them, and keeps the drawn rows’ nodes', async () => {
    const user = userEvent.setup();
    render(SessionSimulator, { props: { protocol: 'pop3', port: 995 } });
    await screen.findByRole('log');
    await user.type(input(), 'USER alice{Enter}');
    await user.type(input(), 'PASS wonderland{Enter}');
    for (let i = 0; i < 110; i++) send('NOOP');
    expect(log().querySelectorAll('.row').length).toBe(ROW_PAGE);
    const newest = log().lastElementChild;
    // A new line slides the window: the kept rows keep their nodes, so the log announces only the new line.
    send('NOOP');
    expect(newest?.isConnected).toBe(true);
    expect(log().querySelectorAll('.row').length).toBe(ROW_PAGE);

    // The TLS handshake, the greeting, USER and PASS with their replies, and 111 NOOPs with theirs.
    const total = 6 + 2 * 111;
    await user.click(screen.getByRole('button', { name: `Show ${total - ROW_PAGE} earlier lines (${total - ROW_PAGE} not shown)` }));
    expect(log().getAttribute('aria-live')).toBe('off');
    expect(log().querySelectorAll('.row').length).toBe(total);
    expect(screen.queryByRole('button', { name: /earlier line/ })).toBeNull();
    // Nothing left to unfold: the keyboard lands in the transcript, and the log speaks again.
    expect(document.activeElement).toBe(log());
    await new Promise((r) => setTimeout(r, 350));
    expect(log().getAttribute('aria-live')).toBe('polite');
  }, 60_000);
});
