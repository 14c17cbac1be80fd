/** The two-devices widget's mail clients against a real mail world and real POP3/IMAP sessions. */
import { describe, expect, test } from 'vitest';
import { openSession } from '../../src/machines/session.ts';
import '../../src/machines/servers.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { Desk, implicitTlsPort } from '../../src/components/widgets/two-devices/desk.ts';
import { DeskHolder } from '../../src/components/widgets/two-devices/desk-holder.ts';
import type { Mode } from '../../src/components/widgets/two-devices/types.ts';

const engine = { openSession, MailWorld };
const SEED_SUBJECTS = ['Welcome to example.test', "Minutes of Thursday's meeting", 'Dots'];

function desk(mode: Mode): Desk {
  return new Desk(engine, mode);
}

/** The client lines of a device's latest log block. */
function clientLines(d: Desk, device: 'laptop' | 'phone'): string[] {
  return d.view(device).log.at(-1)!.entries.flatMap((e) => (e.kind === 'client' ? [e.text] : []));
}

function subjects(d: Desk, device: 'laptop' | 'phone'): string[] {
  return d.view(device).messages.map((m) => m.subject);
}

function inbox(d: Desk): number {
  return d.world.mailbox('alice', 'INBOX')!.messages.length;
}

describe('implicitTlsPort', () => {
  test.each([
    ['pop3', 995],
    ['imap', 993],
  ] as const)('reads the implicit-TLS port of %s from the data file', (protocol, port) => {
    expect(implicitTlsPort(protocol)).toBe(port);
  });
});

describe('Desk in POP3 delete-after-download mode', () => {
  test('the laptop takes all three messages and the phone then finds none', () => {
    const d = desk('pop3-delete');
    const first = d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    expect(subjects(d, 'laptop')).toEqual(SEED_SUBJECTS);
    expect(first.outcome).toBe('The laptop downloaded 3 messages and deleted them from the server. The phone will find nothing.');
    expect(clientLines(d, 'laptop')).toEqual([
      'USER alice', 'PASS wonderland', 'STAT', 'UIDL', 'RETR 1', 'RETR 2', 'RETR 3', 'DELE 1', 'DELE 2', 'DELE 3', 'QUIT',
    ]);
    expect(inbox(d)).toBe(0);
    const second = d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(subjects(d, 'phone')).toEqual([]);
    expect(second.outcome).toBe('The phone found no messages: the laptop downloaded them earlier, and the server deleted them.');
    expect(clientLines(d, 'phone')).toEqual(['USER alice', 'PASS wonderland', 'STAT', 'QUIT']);
  });

  test('logs the implicit TLS handshake and encrypted lines on port 995', () => {
    const d = desk('pop3-delete');
    d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(d.view('phone').log[0]!.heading).toBe('Check mail: connect to port 995, TLS from the start');
    const entries = d.view('phone').log[0]!.entries;
    expect(entries[0]).toMatchObject({ kind: 'event', event: 'tls' });
    expect(entries[1]).toMatchObject({ kind: 'server', encrypted: true });
    expect(entries.at(-1)).toMatchObject({ kind: 'event', event: 'closed' });
  });

  test('new mail goes to whichever device checks first', () => {
    const d = desk('pop3-delete');
    d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    const sent = d.run({ kind: 'deliver' });
    expect(sent.outcome).toBe("Erin's message “Train times” reached Alice's mailbox on the server. A POP3 device sees it only when it checks mail.");
    d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(subjects(d, 'phone')).toEqual(['Train times']);
    expect(subjects(d, 'laptop')).toEqual(SEED_SUBJECTS);
  });
});

describe('Desk in POP3 leave-on-server mode', () => {
  test('both devices download their own copies of all three messages', () => {
    const d = desk('pop3-keep');
    const laptop = d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    const phone = d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(laptop.outcome).toBe('The laptop downloaded 3 messages and left them on the server, so the phone can download its own copies.');
    expect(phone.outcome).toBe('The phone downloaded 3 messages and left them on the server, so the laptop can download its own copies.');
    expect(subjects(d, 'laptop')).toEqual(SEED_SUBJECTS);
    expect(subjects(d, 'phone')).toEqual(SEED_SUBJECTS);
    expect(clientLines(d, 'phone')).not.toContain('DELE 1');
    expect(inbox(d)).toBe(3);
  });

  test('reading on the laptop leaves the phone’s copy unread and sends nothing', () => {
    const d = desk('pop3-keep');
    d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    const key = d.view('laptop').messages[2]!.key;
    const read = d.run({ kind: 'device', device: 'laptop', action: { kind: 'read', key, subject: 'Dots' } });
    expect(read.outcome).toBe("The laptop marked “Dots” as read in its own copy only. POP3 cannot tell the server, so the phone's copy stays unread.");
    expect(d.view('laptop').messages[2]).toMatchObject({ subject: 'Dots', seen: true });
    expect(d.view('phone').messages[2]).toMatchObject({ subject: 'Dots', seen: false });
    expect(d.view('laptop').log.at(-1)).toMatchObject({ heading: 'Read “Dots”', entries: [] });
  });

  test('a second check finds nothing new, even after deleting a local copy', () => {
    const d = desk('pop3-keep');
    d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    const key = d.view('laptop').messages[0]!.key;
    const del = d.run({ kind: 'device', device: 'laptop', action: { kind: 'delete', key, subject: 'Welcome to example.test' } });
    expect(del.outcome).toBe('The laptop deleted its own copy of “Welcome to example.test”. The message stays on the server, so the phone can still download it.');
    const again = d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    expect(again.outcome).toBe('The laptop found nothing new: it already has a copy of all 3 messages on the server (it remembers their UIDL ids).');
    expect(subjects(d, 'laptop')).toEqual(["Minutes of Thursday's meeting", 'Dots']);
    expect(clientLines(d, 'laptop')).toEqual(['USER alice', 'PASS wonderland', 'STAT', 'UIDL', 'QUIT']);
  });

  test('flagging is local to the device', () => {
    const d = desk('pop3-keep');
    d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    const key = d.view('phone').messages[1]!.key;
    const flag = d.run({ kind: 'device', device: 'phone', action: { kind: 'flag', key, subject: "Minutes of Thursday's meeting" } });
    expect(flag.outcome).toBe("The phone flagged its own copy of “Minutes of Thursday's meeting”. POP3 keeps no flags on the server, so the laptop's copy does not change.");
    expect(d.view('phone').messages[1]!.flagged).toBe(true);
    expect(d.view('laptop').messages[1]!.flagged).toBe(false);
  });
});

describe('Desk in IMAP mode', () => {
  function connected(): Desk {
    const d = desk('imap');
    d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    return d;
  }

  test('the first check logs in, lists the INBOX and waits in IDLE', () => {
    const d = desk('imap');
    const r = d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    expect(r.outcome).toBe('The laptop logged in, opened the INBOX and listed 3 messages. It stays connected and waits in IDLE, so the server can tell it about changes at once.');
    expect(clientLines(d, 'laptop')).toEqual(['a001 LOGIN alice wonderland', 'a002 SELECT INBOX', 'a003 FETCH 1:* (UID FLAGS ENVELOPE)', 'a004 IDLE']);
    expect(d.view('laptop').messages).toEqual([
      { key: '1', subject: 'Welcome to example.test', from: 'Bob', seen: true, flagged: false },
      { key: '2', subject: "Minutes of Thursday's meeting", from: 'Carol', seen: false, flagged: false },
      { key: '3', subject: 'Dots', from: 'Dan', seen: false, flagged: false },
    ]);
    expect(d.view('laptop').idling).toBe(true);
    expect(d.view('laptop').log[0]!.heading).toBe('Check mail: connect to port 993, TLS from the start, and list the INBOX');
  });

  test('a flag set on the laptop shows on the idling phone through a push', () => {
    const d = connected();
    const r = d.run({ kind: 'device', device: 'laptop', action: { kind: 'flag', key: '3', subject: 'Dots' } });
    expect(r.outcome).toBe('The laptop flagged “Dots” on the server. The phone, waiting in IDLE, shows the flag at once.');
    expect(clientLines(d, 'laptop')).toEqual(['DONE', 'a005 UID STORE 3 +FLAGS (\\Flagged)', 'a006 IDLE']);
    expect(d.view('phone').messages[2]).toMatchObject({ subject: 'Dots', flagged: true });
    const push = d.view('phone').log.at(-1)!;
    expect(push.heading).toBe('While waiting in IDLE: the server pushed a change');
    expect(push.entries.map((e) => e.text)).toEqual(['* 3 FETCH (FLAGS (\\Flagged))']);
  });

  test('reading on the phone marks the laptop’s copy read at once', () => {
    const d = connected();
    d.run({ kind: 'device', device: 'phone', action: { kind: 'read', key: '2', subject: "Minutes of Thursday's meeting" } });
    expect(clientLines(d, 'phone')).toEqual(['DONE', 'a005 UID FETCH 2 BODY[TEXT]', 'a006 IDLE']);
    expect(d.view('laptop').messages[1]).toMatchObject({ seen: true });
  });

  test('a delete on the phone removes the message from the laptop’s list', () => {
    const d = connected();
    const r = d.run({ kind: 'device', device: 'phone', action: { kind: 'delete', key: '1', subject: 'Welcome to example.test' } });
    expect(r.outcome).toBe('The phone moved “Welcome to example.test” to Trash on the server (UID MOVE). The laptop, waiting in IDLE, removed it from its list at once.');
    expect(subjects(d, 'phone')).toEqual(["Minutes of Thursday's meeting", 'Dots']);
    expect(subjects(d, 'laptop')).toEqual(["Minutes of Thursday's meeting", 'Dots']);
    expect(d.view('laptop').log.at(-1)!.entries.map((e) => e.text)).toEqual(['* 1 EXPUNGE', '* 2 RECENT']);
    // Sequence numbers shifted: a later flag by UID still reaches the right message on both devices.
    d.run({ kind: 'device', device: 'phone', action: { kind: 'flag', key: '3', subject: 'Dots' } });
    expect(d.view('laptop').messages[1]).toMatchObject({ subject: 'Dots', flagged: true });
  });

  test('new mail shows on an idling device at once', () => {
    const d = desk('imap');
    d.run({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    const r = d.run({ kind: 'deliver' });
    expect(r.outcome).toBe("Erin's message “Train times” reached Alice's mailbox on the server. The laptop, waiting in IDLE, listed it at once; the phone will see it when it checks mail.");
    expect(d.view('laptop').messages.at(-1)).toEqual({ key: '4', subject: 'Train times', from: 'Erin', seen: false, flagged: false });
    expect(d.view('laptop').log.at(-1)!.entries.flatMap((e) => (e.kind === 'event' ? [] : [`${e.kind}: ${e.text}`]))).toEqual([
      'server: * 4 EXISTS',
      'server: * 4 RECENT',
      'client: DONE',
      'server: a004 OK Idle completed.',
      'client: a005 FETCH 4:* (UID FLAGS ENVELOPE)',
      'server: * 4 FETCH (UID 4 FLAGS (\\Recent) ENVELOPE ("Sat, 21 Nov 2026 09:00:00 +0000" "Train times" (("Erin" NIL "erin" "elsewhere.example")) (("Erin" NIL "erin" "elsewhere.example")) (("Erin" NIL "erin" "elsewhere.example")) (("Alice" NIL "alice" "example.test")) NIL NIL NIL "<incoming-1@elsewhere.example>"))',
      'server: a005 OK Fetch completed.',
      'client: a006 IDLE',
      'server: + idling',
    ]);
    expect(d.view('laptop').idling).toBe(true);
  });

  test('a second check asks for news with NOOP', () => {
    const d = connected();
    const r = d.run({ kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(r.outcome).toBe('The phone asked the server for news (NOOP): nothing new, because IDLE already brought every change.');
    expect(clientLines(d, 'phone')).toEqual(['DONE', 'a005 NOOP', 'a006 IDLE']);
  });
});

describe('DeskHolder', () => {
  test('shows empty devices until the first action creates the desk', async () => {
    const holder = new DeskHolder();
    holder.reset('pop3-keep');
    expect(holder.view('phone')).toEqual({ id: 'phone', messages: [], log: [], idling: false });
    const r = await holder.run('pop3-keep', { kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(r.outcome).toBe('The phone downloaded 3 messages and left them on the server, so the laptop can download its own copies.');
    expect(holder.view('phone').messages.map((m) => m.subject)).toEqual(SEED_SUBJECTS);
  });

  test('starts a fresh world after a reset', async () => {
    const holder = new DeskHolder();
    holder.reset('pop3-delete');
    await holder.run('pop3-delete', { kind: 'device', device: 'laptop', action: { kind: 'check' } });
    holder.reset('pop3-delete');
    expect(holder.view('laptop').messages).toEqual([]);
    const r = await holder.run('pop3-delete', { kind: 'device', device: 'phone', action: { kind: 'check' } });
    expect(r.outcome).toBe('The phone downloaded 3 messages and deleted them from the server. The laptop will find nothing.');
  });

  test('refuses to install a desk for a mode the learner already left', async () => {
    const holder = new DeskHolder();
    holder.reset('pop3-delete');
    const stale = holder.run('pop3-delete', { kind: 'device', device: 'laptop', action: { kind: 'check' } });
    holder.reset('imap');
    await expect(stale).rejects.toThrow('the mode changed while the server was loading');
    expect(holder.view('laptop').messages).toEqual([]);
  });
});
