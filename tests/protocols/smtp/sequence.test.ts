import { describe, expect, test } from 'vitest';
import { sequenceError, type SequenceFacts } from '../../../src/protocols/smtp/sequence.ts';

const base: SequenceFacts = { greeted: true, inTransaction: false, hasRecipients: false, tls: false, user: undefined, role: 'relay' };
const relay = (f: Partial<SequenceFacts> = {}): SequenceFacts => ({ ...base, ...f });
const submission = (f: Partial<SequenceFacts> = {}): SequenceFacts => ({ ...base, role: 'submission', tls: true, ...f });

describe('sequenceError', () => {
  test.each([
    ['MAIL', relay({ greeted: false }), '503 5.5.1 Error: send HELO/EHLO first'],
    ['MAIL', relay(), undefined],
    ['MAIL', relay({ inTransaction: true }), '503 5.5.1 Error: nested MAIL command'],
    ['MAIL', submission({ tls: false }), '530 5.7.0 Must issue a STARTTLS command first'],
    ['MAIL', submission(), '530 5.7.0 Authentication required'],
    ['MAIL', submission({ user: 'alice' }), undefined],
    ['RCPT', relay(), '503 5.5.1 Error: need MAIL command'],
    ['RCPT', relay({ inTransaction: true }), undefined],
    ['DATA', relay(), '503 5.5.1 Error: need RCPT command'],
    ['DATA', relay({ inTransaction: true }), '554 5.5.1 Error: no valid recipients'],
    ['DATA', relay({ inTransaction: true, hasRecipients: true }), undefined],
    ['STARTTLS', relay({ greeted: false }), undefined],
    ['STARTTLS', relay({ tls: true }), '554 5.5.1 Error: TLS already active'],
    ['STARTTLS', relay({ inTransaction: true }), '503 5.5.1 Error: MAIL transaction in progress'],
    ['AUTH', relay({ tls: true }), '503 5.5.1 Error: authentication not enabled'],
    ['AUTH', submission({ tls: false }), '530 5.7.0 Must issue a STARTTLS command first'],
    ['AUTH', submission({ greeted: false }), '503 5.5.1 Error: send HELO/EHLO first'],
    ['AUTH', submission(), undefined],
    ['AUTH', submission({ user: 'alice' }), '503 5.5.1 Error: already authenticated'],
    ['AUTH', submission({ user: 'alice', inTransaction: true }), '503 5.5.1 Error: MAIL transaction in progress'],
    ['EXPN', relay(), '502 5.5.1 Error: command not implemented'],
    ['BDAT', relay(), '502 5.5.1 Error: command not implemented'],
    ['NOOP', relay({ greeted: false }), undefined],
    ['QUIT', relay({ inTransaction: true }), undefined],
  ])('%s with %o gives %j', (verb, facts, refusal) => {
    expect(sequenceError(verb, facts)).toBe(refusal);
  });
});
