import { describe, expect, test } from 'vitest';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { answer, startAuth } from '../../../src/protocols/smtp/auth.ts';

const world = new MailWorld();

describe('startAuth', () => {
  test.each([
    ['PLAIN', { kind: 'challenge', reply: '334 ', wait: 'plain', username: undefined }],
    ['plain AGJvYgBidWlsZGVy', { kind: 'success', reply: '235 2.7.0 Authentication successful', user: 'bob' }],
    ['LOGIN', { kind: 'challenge', reply: '334 VXNlcm5hbWU6', wait: 'username', username: undefined }],
    ['LOGIN Ym9i', { kind: 'challenge', reply: '334 UGFzc3dvcmQ6', wait: 'password', username: 'bob' }],
    ['PLAIN =', { kind: 'failure', reply: '535 5.7.8 Error: authentication failed: authentication failure' }],
    ['PLAIN *', { kind: 'failure', reply: '501 5.7.0 Authentication aborted' }],
    ['PLAIN a b', { kind: 'failure', reply: '501 5.5.4 Syntax: AUTH mechanism [initial-response]' }],
    ['', { kind: 'failure', reply: '501 5.5.4 Syntax: AUTH mechanism [initial-response]' }],
    ['CRAM-MD5', { kind: 'failure', reply: '504 5.5.4 Unrecognized authentication type' }],
    ['XOAUTH2 dXNlcj0=', { kind: 'failure', reply: '504 5.5.4 Unrecognized authentication type' }],
  ])('AUTH %s', (args, step) => {
    expect(startAuth(args, world)).toEqual(step);
  });
});

describe('answer', () => {
  test.each([
    ['plain', 'AGFsaWNlAHdvbmRlcmxhbmQ=', undefined, { kind: 'success', reply: '235 2.7.0 Authentication successful', user: 'alice' }],
    ['plain', 'YWxpY2UAYWxpY2UAd29uZGVybGFuZA==', undefined, { kind: 'success', reply: '235 2.7.0 Authentication successful', user: 'alice' }],
    ['plain', 'AGFsaWNlAHdyb25n', undefined, { kind: 'failure', reply: '535 5.7.8 Error: authentication failed: authentication failure' }],
    ['plain', 'AGFsaWNl', undefined, { kind: 'failure', reply: '535 5.7.8 Error: authentication failed: authentication failure' }],
    ['plain', 'not base64', undefined, { kind: 'failure', reply: '501 5.5.2 Cannot decode response' }],
    ['plain', '*', undefined, { kind: 'failure', reply: '501 5.7.0 Authentication aborted' }],
    ['username', 'YWxpY2U=', undefined, { kind: 'challenge', reply: '334 UGFzc3dvcmQ6', wait: 'password', username: 'alice' }],
    ['password', 'd29uZGVybGFuZA==', 'alice', { kind: 'success', reply: '235 2.7.0 Authentication successful', user: 'alice' }],
    ['password', 'd29uZGVybGFuZA==', 'bob', { kind: 'failure', reply: '535 5.7.8 Error: authentication failed: authentication failure' }],
    ['password', 'A'.repeat(12287), 'alice', { kind: 'failure', reply: '500 5.5.6 Authentication Exchange line is too long' }],
  ] as const)('in step %s, %j', (wait, response, username, step) => {
    expect(answer(wait, response, username, world)).toEqual(step);
  });
});
