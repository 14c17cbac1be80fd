import { describe, expect, test } from 'vitest';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { checkMail, checkRecipient, deliveryAddress, uniqueRecipients, withProtocol } from '../../../src/protocols/smtp/envelope.ts';

describe('checkMail', () => {
  test.each([
    ['FROM:<carol@sender.example>', { address: 'carol@sender.example', size: undefined, body: '7BIT' }],
    ['FROM:<>', { address: '', size: undefined, body: '7BIT' }],
    ['FROM:<c@s.example> SIZE=420', { address: 'c@s.example', size: 420, body: '7BIT' }],
    ['FROM:<c@s.example> SIZE=10240000 BODY=8bitmime', { address: 'c@s.example', size: 10240000, body: '8BITMIME' }],
  ])('accepts %j', (args, sender) => {
    expect(checkMail(args, false)).toEqual({ ok: true, value: sender });
  });

  test.each([
    ['', '501 5.5.4 Syntax: MAIL FROM:<address>'],
    ['TO:<a@b.example>', '501 5.5.4 Syntax: MAIL FROM:<address>'],
    ['FROM:<c@s.example', '501 5.1.7 Bad sender address syntax'],
    ['FROM:<postmaster>', '501 5.1.7 Bad sender address syntax'],
    ['FROM:<c@s.example> SIZE=10240001', '552 5.3.4 Message size exceeds fixed limit'],
    ['FROM:<c@s.example> SIZE=', '501 5.5.4 Bad message size syntax'],
    ['FROM:<c@s.example> SIZE=-1', '501 5.5.4 Bad message size syntax'],
    ['FROM:<c@s.example> BODY', '501 5.5.4 Bad BODY keyword syntax'],
    ['FROM:<c@s.example> RET=HDRS', '555 5.5.4 Unsupported option: RET=HDRS'],
    ['FROM:<c@s.example> AUTH=<>', '555 5.5.4 Unsupported option: AUTH=<>'],
  ])('refuses %j with %j', (args, reply) => {
    expect(checkMail(args, false)).toEqual({ ok: false, reply });
  });

  test('takes AUTH= only where AUTH is offered, with a value', () => {
    expect(checkMail('FROM:<a@example.test> AUTH=a@example.test', true).ok).toBe(true);
    expect(checkMail('FROM:<a@example.test> AUTH=', true)).toEqual({ ok: false, reply: '555 5.5.4 Unsupported option: AUTH=' });
  });
});

describe('checkRecipient', () => {
  const world = new MailWorld();
  test.each([
    ['relay', 'TO:<bob@example.test>', { ok: true, value: 'bob@example.test' }],
    ['relay', 'TO:<postmaster>', { ok: true, value: 'postmaster' }],
    ['relay', 'TO:<Postmaster@Example.Test>', { ok: true, value: 'Postmaster@Example.Test' }],
    ['relay', 'TO:<dave@elsewhere.example>', { ok: false, reply: '554 5.7.1 <dave@elsewhere.example>: Relay access denied' }],
    ['submission', 'TO:<dave@elsewhere.example>', { ok: true, value: 'dave@elsewhere.example' }],
    ['submission', 'TO:<dave@example.test>', { ok: false, reply: '550 5.1.1 <dave@example.test>: Recipient address rejected: User unknown in local recipient table' }],
    ['relay', 'TO:<>', { ok: false, reply: '501 5.1.3 Bad recipient address syntax' }],
    ['relay', 'FROM:<bob@example.test>', { ok: false, reply: '501 5.5.4 Syntax: RCPT TO:<address>' }],
    ['relay', `TO:<${'b'.repeat(300)}@example.test>`, { ok: false, reply: '501 5.1.3 Recipient path too long' }],
  ] as const)('on a %s port answers %j', (role, args, verdict) => {
    expect(checkRecipient(args, { world, role, accepted: 0 })).toEqual(verdict);
  });

  test('refuses the 101st recipient with 452 4.5.3', () => {
    expect(checkRecipient('TO:<bob@example.test>', { world, role: 'relay', accepted: 99 }).ok).toBe(true);
    expect(checkRecipient('TO:<bob@example.test>', { world, role: 'relay', accepted: 100 })).toEqual({ ok: false, reply: '452 4.5.3 Error: too many recipients' });
  });
});

describe('uniqueRecipients and deliveryAddress', () => {
  test('qualifies the bare postmaster with the local domain', () => {
    expect(deliveryAddress('PostMaster')).toBe('postmaster@example.test');
    expect(deliveryAddress('bob@example.test')).toBe('bob@example.test');
  });

  test('keeps one address per local mailbox and per remote address', () => {
    const world = new MailWorld();
    expect(uniqueRecipients(['postmaster', 'alice@example.test', 'Postmaster@example.test', 'bob@example.test', 'd@x.example', 'd@X.EXAMPLE', 'D@x.example'], world)).toEqual([
      'postmaster@example.test',
      'bob@example.test',
      'd@x.example',
      'D@x.example',
    ]);
  });
});

describe('withProtocol', () => {
  test.each([
    [false, false, false, 'SMTP'],
    [true, false, false, 'ESMTP'],
    [true, true, false, 'ESMTPS'],
    [true, true, true, 'ESMTPSA'],
    [false, true, false, 'ESMTPS'],
  ])('EHLO %s, TLS %s, AUTH %s gives %s', (esmtp, tls, auth, keyword) => {
    expect(withProtocol(esmtp, tls, auth)).toBe(keyword);
  });
});
