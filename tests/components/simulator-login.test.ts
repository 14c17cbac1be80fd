// @vitest-environment jsdom
/**
 * Issue 11, points 3 and 5 in the widget: base64 challenges are shown decoded beside the engine's real reply, the
 * log-in helper (loaded on first opening) builds PLAIN and LOGIN lines and puts them in the command line without
 * sending them, and the explanation of a reply says first what it means in its context.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';

afterEach(() => cleanup());

async function open(props: Record<string, unknown>) {
  const user = userEvent.setup();
  render(SessionSimulator, { props });
  // The first render also compiles the engine's modules: a cold start may take a while on a busy machine.
  await screen.findByRole('log', {}, { timeout: 20_000 });
  return user;
}

const input = () => screen.getByRole('textbox', { name: /Command/ }) as HTMLInputElement;
const lastRow = () => [...screen.getByRole('log').querySelectorAll('.row')].at(-1)!;
const said = () => screen.getByText('What the server said').parentElement!;
async function send(user: ReturnType<typeof userEvent.setup>, lines: string[]) {
  for (const line of lines) await user.type(input(), `${line}{Enter}`);
}

describe('base64 challenges, decoded beside the reply', () => {
  test('SMTP AUTH LOGIN: "Username:" then "Password:", from the engine’s own lines', async () => {
    const user = await open({ protocol: 'smtp', port: 465 });
    await send(user, ['EHLO laptop', 'AUTH LOGIN']);
    expect(lastRow().textContent).toContain('334 VXNlcm5hbWU6');
    expect(lastRow().querySelector('[data-decoded]')?.textContent).toBe('Base64 for “Username:”');
    await send(user, ['YWxpY2U=']);
    expect(lastRow().querySelector('[data-decoded]')?.textContent).toBe('Base64 for “Password:”');
    expect(said().querySelector('[data-rule]')?.getAttribute('data-rule')).toBe('smtp-334-challenge');
  });

  test('POP3 "+ " and IMAP "+ " challenges too, and no decoding of ordinary lines', async () => {
    const user = await open({ protocol: 'pop3', port: 995 });
    await send(user, ['AUTH LOGIN']);
    expect(lastRow().querySelector('[data-decoded]')?.textContent).toBe('Base64 for “Username:”');
    await send(user, ['*']);
    expect(lastRow().querySelector('[data-decoded]')).toBeNull();
    cleanup();
    const imap = await open({ protocol: 'imap', port: 993 });
    await send(imap, ['AUTHENTICATE PLAIN']);
    // An empty challenge has nothing to decode: the explanation says what to send.
    expect(lastRow().querySelector('[data-decoded]')).toBeNull();
    expect(said().querySelector('[data-rule]')?.textContent).toMatch(/^A SASL challenge, in base64\. An empty challenge/);
  });
});

describe('the log-in helper', () => {
  test('is a disclosure that loads the helper when opened', async () => {
    const user = await open({ protocol: 'smtp', port: 465 });
    const toggle = screen.getByText('Log-in helper (base64)');
    expect(toggle.tagName).toBe('SUMMARY');
    const details = toggle.closest('details')!;
    expect(details.open).toBe(false);
    expect(screen.queryByLabelText('User name')).toBeNull();
    await user.click(toggle);
    expect(details.open).toBe(true);
    await screen.findByLabelText('User name', {}, { timeout: 20_000 });
    expect(screen.getByText(/Base64 is an encoding, not encryption/)).toBeTruthy();
    expect(document.querySelector('[data-mechanism="xoauth2"]')?.textContent).toMatch(/OAuth 2\.0 access token/);
  });

  test('builds AUTH PLAIN (RFC 4616) and puts it in the command line; Enter sends it and the server logs in', async () => {
    const user = await open({ protocol: 'smtp', port: 465 });
    await send(user, ['EHLO laptop']);
    await user.click(screen.getByText('Log-in helper (base64)'));
    await user.type(await screen.findByLabelText('User name', {}, { timeout: 20_000 }), 'alice');
    await user.type(screen.getByLabelText('Password'), 'wonderland');
    expect(document.querySelector('[data-plain]')?.textContent).toBe('AGFsaWNlAHdvbmRlcmxhbmQ=');
    expect(screen.getByText('␀alice␀wonderland', { exact: false })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Put in the command line ?\(PLAIN\)$/ }));
    expect(input().value).toBe('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    expect(document.activeElement).toBe(input());
    expect(lastRow().textContent).toContain('250 LIMITS');
    await user.keyboard('{Enter}');
    expect(lastRow().textContent).toContain('235 2.7.0 Authentication successful');
  });

  test('builds the two LOGIN answers; sent one by one they log in', async () => {
    const user = await open({ protocol: 'smtp', port: 465 });
    await send(user, ['EHLO laptop']);
    await user.click(screen.getByText('Log-in helper (base64)'));
    await user.type(await screen.findByLabelText('User name', {}, { timeout: 20_000 }), 'alice');
    await user.type(screen.getByLabelText('Password'), 'wonderland');
    for (const step of [1, 2, 3]) {
      await user.click(screen.getByRole('button', { name: new RegExp(`^Put in the command line ?\\(LOGIN step ${step}\\)$`) }));
      expect(input().value).toBe(['AUTH LOGIN', 'YWxpY2U=', 'd29uZGVybGFuZA=='][step - 1]);
      await user.keyboard('{Enter}');
    }
    expect(lastRow().textContent).toContain('235 2.7.0');
  });

  test('in IMAP, the tag is added as for any command, and PLAIN answers an empty challenge with the base64 alone', async () => {
    const user = await open({ protocol: 'imap', port: 993 });
    await user.click(screen.getByText('Log-in helper (base64)'));
    await user.type(await screen.findByLabelText('User name', {}, { timeout: 20_000 }), 'alice');
    await user.type(screen.getByLabelText('Password'), 'wonderland');
    await user.click(screen.getByRole('button', { name: /^Put in the command line ?\(PLAIN\)$/ }));
    expect(input().value).toBe('AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    await send(user, ['{Backspace}'.repeat(25)]);
    expect(lastRow().querySelector('.text')?.textContent).toBe('+ ');
    await user.click(screen.getByRole('button', { name: /^Put in the command line ?\(PLAIN\)$/ }));
    expect(input().value).toBe('AGFsaWNlAHdvbmRlcmxhbmQ=');
    await user.keyboard('{Enter}');
    expect(lastRow().textContent).toMatch(/a1 OK .*Logged in/);
  });
});

describe('explanations in context', () => {
  test('503 after STARTTLS: say EHLO again, before the catalogue’s general meaning', async () => {
    const user = await open({ protocol: 'smtp', port: 587 });
    await send(user, ['EHLO laptop', 'STARTTLS', 'MAIL FROM:<alice@example.test>']);
    const paragraphs = [...said().querySelectorAll('p')].map((p) => p.textContent ?? '');
    expect(paragraphs[1]).toMatch(/^Say EHLO again\. .*\(RFC 3207 §4\.2\)$/);
    expect(paragraphs[2]).toMatch(/^503: Bad sequence of commands\./);
  });

  test('AUTH on port 25: this port offers no login', async () => {
    const user = await open({ protocol: 'smtp', port: 25 });
    await send(user, ['EHLO laptop', 'AUTH LOGIN']);
    expect(said().querySelector('[data-rule]')?.textContent).toMatch(/^This port offers no login\./);
  });

  test('POP3 +OK after USER and after PASS say different things', async () => {
    const user = await open({ protocol: 'pop3', port: 995 });
    await send(user, ['USER alice']);
    expect(said().querySelector('[data-rule]')?.getAttribute('data-rule')).toBe('pop3-ok-user');
    await send(user, ['PASS wonderland']);
    expect(said().querySelector('[data-rule]')?.getAttribute('data-rule')).toBe('pop3-ok-login');
  });
});
