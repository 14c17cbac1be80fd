// @vitest-environment jsdom
/** The two-devices widget in a DOM: buttons drive real sessions, logs and the outcome show what happened. */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';

import TwoDevices from '../../src/components/widgets/TwoDevices.svelte';

/** A wrapper like TwoDevicesWidget.astro's, which the island marks once it runs. */
function wrapper(): HTMLElement {
  const div = document.createElement('div');
  div.setAttribute('data-two-devices', '');
  document.body.append(div);
  return div;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const status = () => screen.getByRole('status');
const log = (name: string) => screen.getByRole('log', { name });
/** A log's lines as "C: …" / "S: …" text, one per line, without the encryption marker. */
const lines = (name: string) =>
  [...log(name).querySelectorAll('li')].map((li) => [...li.querySelectorAll('.who, .text')].map((s) => s.textContent).join(' '));

async function outcome(text: string) {
  await waitFor(() => expect(status().textContent?.trim()).toBe(text));
}

describe('TwoDevices', () => {
  test('marks its wrapper as hydrated once it runs', async () => {
    const target = wrapper();
    render(TwoDevices, { target });
    await waitFor(() => expect(target.hasAttribute('data-hydrated')).toBe(true));
  });

  test('POP3 delete after download: the laptop takes the mail, the phone finds nothing', async () => {
    const user = userEvent.setup();
    render(TwoDevices, { target: wrapper() });
    await outcome(
      "POP3, delete after download: the mail world was reset. Alice's mailbox on the server holds its starting messages again, and both devices start empty. Check mail on the laptop, then on the phone.",
    );
    await user.click(screen.getByRole('button', { name: 'Check mail on the laptop' }));
    await outcome('The laptop downloaded 3 messages and deleted them from the server. The phone will find nothing.');
    expect(lines('Laptop protocol log')).toContain('C: DELE 3');
    expect(lines('Laptop protocol log')).toContain('S: +OK Logging out, messages deleted.');

    await user.click(screen.getByRole('button', { name: 'Check mail on the phone' }));
    await outcome('The phone found no messages: the laptop downloaded them earlier, and the server deleted them.');
    expect(lines('Phone protocol log')).toContain('S: +OK 0 0');
    expect(screen.getByRole('heading', { name: 'Messages on this phone (0)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete “Dots” on the laptop' }));
    await outcome('The laptop deleted its copy of “Dots”. The server had already deleted it after the download, so it is gone for good.');
    expect(screen.queryByRole('button', { name: 'Read “Dots” on the laptop' })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Messages on this laptop (2)');
  });

  test('IMAP: a flag set on the laptop shows on the idling phone at once', async () => {
    const user = userEvent.setup();
    render(TwoDevices, { target: wrapper() });
    await waitFor(() => expect(screen.getByRole('radio', { name: 'IMAP' })).toBeTruthy());
    await user.click(screen.getByRole('radio', { name: 'IMAP' }));
    await outcome(
      "IMAP: the mail world was reset. Alice's mailbox on the server holds its starting messages again, and both devices start empty. Check mail on both devices, then flag a message on the laptop and delete one on the phone.",
    );
    await user.click(screen.getByRole('button', { name: 'Check mail on the laptop' }));
    await outcome('The laptop logged in, opened the INBOX and listed 3 messages. It stays connected and waits in IDLE, so the server can tell it about changes at once.');
    await user.click(screen.getByRole('button', { name: 'Check mail on the phone' }));
    await outcome('The phone logged in, opened the INBOX and listed 3 messages. It stays connected and waits in IDLE, so the server can tell it about changes at once.');

    await user.click(screen.getByRole('button', { name: 'Flag “Dots” on the laptop' }));
    await outcome('The laptop flagged “Dots” on the server. The phone, waiting in IDLE, shows the flag at once.');
    expect(lines('Laptop protocol log').slice(-7)).toEqual([
      'C: DONE',
      'S: a004 OK Idle completed.',
      'C: a005 UID STORE 3 +FLAGS (\\Flagged)',
      'S: * 3 FETCH (UID 3 FLAGS (\\Flagged \\Recent))',
      'S: a005 OK Store completed.',
      'C: a006 IDLE',
      'S: + idling',
    ]);
    expect(lines('Phone protocol log').at(-1)).toBe('S: * 3 FETCH (FLAGS (\\Flagged))');
    expect(within(log('Phone protocol log')).getAllByRole('heading').at(-1)!.textContent).toBe('While waiting in IDLE: the server pushed a change');
    // The phone's own list now shows the flag, and its button offers to remove it.
    expect(screen.getByRole('button', { name: 'Unflag “Dots” on the phone' })).toBeTruthy();
  });
});
