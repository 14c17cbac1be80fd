// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';

afterEach(() => cleanup());

const clientLines = () => [...screen.getByRole('log').querySelectorAll('.row.client .text')].map((t) => t.textContent);
const input = () => screen.getByRole('textbox', { name: /Command/ }) as HTMLInputElement;

describe('SessionSimulator, IMAP tags', () => {
  test('keeps a tag the learner typed and adds one only to a line without its own', async () => {
    const user = userEvent.setup();
    render(SessionSimulator, { props: { protocol: 'imap', port: 143 } });
    await screen.findByRole('log');
    await user.type(input(), 'a9 NOOP');
    // The automatic tag is no longer shown in front of the line.
    expect(document.querySelector('.command .tag')).toBeNull();
    await user.keyboard('{Enter}');
    await user.type(input(), 'CAPABILITY{Enter}');
    await user.type(input(), 'zz7 capability{Enter}');
    expect(clientLines()).toEqual(['a9 NOOP', 'a2 CAPABILITY', 'zz7 capability']);
    expect(screen.getByRole('log').textContent).toContain('a9 OK NOOP completed.');
    expect(screen.getByRole('log').textContent).toContain('zz7 OK Pre-login capabilities listed');
  });

  test('a command name first is a command, not a tag: UID FETCH gets a tag', async () => {
    const user = userEvent.setup();
    render(SessionSimulator, { props: { protocol: 'imap', port: 993 } });
    await screen.findByRole('log');
    await user.type(input(), 'LOGIN alice wonderland{Enter}');
    await user.type(input(), 'SELECT INBOX{Enter}');
    await user.type(input(), 'UID FETCH 1 FLAGS{Enter}');
    expect(clientLines()).toEqual(['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 UID FETCH 1 FLAGS']);
    expect(screen.getByRole('log').textContent).toContain('a3 OK');
  });
});
