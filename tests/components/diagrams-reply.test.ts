import { describe, expect, test } from 'vitest';
import { layoutReply } from '../../src/components/diagrams/reply-layout.ts';
import { findReply, replyParts } from '../../src/components/diagrams/reply-parts.ts';
import { playedScenario } from '../../src/components/diagrams/scenario-data.ts';
import { sceneText } from '../../src/components/diagrams/scene.ts';
import { explainImap } from '../../src/protocols/imap/replies.ts';
import { explainPop3 } from '../../src/protocols/pop3/replies.ts';
import { explainSmtp } from '../../src/protocols/smtp/explain.ts';
import { expectReadable } from './diagrams-scene-checks.ts';

const summary = (protocol: 'smtp' | 'pop3' | 'imap', line: string) => replyParts(protocol, line).map((p) => [p.kind, p.wire]);

describe('replyParts', () => {
  test('cuts an SMTP reply into code, enhanced code and free text, with the catalogue’s meanings', () => {
    const line = '550 5.1.1 <nosuchuser@example.test>: Recipient address rejected: User unknown in local recipient table';
    const parts = replyParts('smtp', line);
    expect(parts.map((p) => [p.kind, p.wire])).toEqual([
      ['code', '550'],
      ['enhanced', '5.1.1'],
      ['text', '<nosuchuser@example.test>: Recipient address rejected: User unknown in local recipient table'],
    ]);
    expect(parts[0]!.meanings).toEqual([`550: ${explainSmtp('550')!.title}`, `5yz: ${explainSmtp('5yz')!.title}`, `x5z: ${explainSmtp('x5z')!.title}`]);
    expect(parts[1]!.meanings).toEqual([`class 5: ${explainSmtp('5.X.X')!.title}`, `subject 1: ${explainSmtp('X.1.X')!.title}`, `detail 1.1: ${explainSmtp('X.1.1')!.title}`]);
    expect(parts[2]!.meanings).toEqual(['servers word it differently']);
  });

  test('says what the hyphen of a continued SMTP line means', () => {
    expect(replyParts('smtp', '250-PIPELINING')[0]!.meanings.at(-1)).toBe('the hyphen after it: more lines of this reply follow');
  });

  test('cuts POP3 into status, response code and text', () => {
    expect(summary('pop3', '-ERR [IN-USE] Mailbox is locked by another POP3 session.')).toEqual([['status', '-ERR'], ['respCode', '[IN-USE]'], ['text', 'Mailbox is locked by another POP3 session.']]);
    expect(replyParts('pop3', '-ERR [IN-USE] x')[1]!.meanings).toEqual([explainPop3('[IN-USE]')!.title]);
  });

  test('cuts IMAP into tag, status, response code with its arguments, and text', () => {
    expect(summary('imap', 'a3 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.')).toEqual([
      ['tag', 'a3'], ['status', 'NO'], ['respCode', '[PRIVACYREQUIRED]'], ['text', 'Plaintext authentication disallowed on non-secure (SSL/TLS) connections.'],
    ]);
    expect(summary('imap', '* OK [UIDNEXT 4] Predicted next UID')).toEqual([['tag', '*'], ['status', 'OK'], ['respCode', '[UIDNEXT 4]'], ['text', 'Predicted next UID']]);
    expect(replyParts('imap', 'a1 BAD x')[1]!.meanings).toEqual([`BAD: ${explainImap('BAD')!.title}`]);
  });
});

describe('findReply', () => {
  test('finds the first server line that starts with the given text, the greeting included', () => {
    const { scenario, playback } = playedScenario('ReplyAnatomy', 'smtp-mistakes-relay', undefined);
    expect(findReply(scenario, playback, '554')).toBe('554 5.7.1 <carol@sender.example>: Relay access denied');
    expect(findReply(scenario, playback, '220')).toBe('220 mail.example.test ESMTP Mailwire');
    expect(findReply(scenario, playback, '999')).toBeUndefined();
  });

  test('finds an IMAP status after the tag when asked for the status alone', () => {
    const { scenario, playback } = playedScenario('ReplyAnatomy', 'imap-login-read', undefined);
    expect(findReply(scenario, playback, 'OK [READ-WRITE]')).toMatch(/^a4 OK \[READ-WRITE\]/);
  });
});

describe('layoutReply', () => {
  test.each([[false, 340], [true, 600]] as const)('wide %s: every part and label readable', (wide, max) => {
    const parts = replyParts('smtp', '554 5.7.1 <carol@sender.example>: Relay access denied');
    const scene = layoutReply(parts, 'fail', wide);
    expectReadable(scene, max);
    const text = sceneText(scene);
    for (const t of ['554', '5.7.1', 'Reply code', 'Free text', 'servers word it differently']) expect(text.join(' ')).toContain(t);
  });
});
