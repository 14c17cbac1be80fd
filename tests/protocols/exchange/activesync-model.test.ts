/**
 * Model-based tests (fast-check) of ActiveSync's state: random sequences of Provision steps, FolderSync, Sync and
 * deliveries, checked against a model of the policy key, the hierarchy's sync key and the Inbox's sync key; and
 * hostile bodies (random octets, random trees, truncated and huge bodies) that always get an answer, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeWbxml, encodeWbxml } from '../../../src/protocols/exchange/wbxml/codec.ts';
import { first, textOf, type WbxmlElement } from '../../../src/protocols/exchange/wbxml/tree.ts';
import { decoded, deep, easPost, element, leaf, provisionPhone, setup } from './activesync-helpers.ts';

const P = 'Provision';
const A = 'AirSync';
const F = 'FolderHierarchy';
const policyReq = (...extra: WbxmlElement[]) => element(P, 'Provision', element(P, 'Policies', element(P, 'Policy', leaf(P, 'PolicyType', 'MS-EAS-Provisioning-WBXML'), ...extra)));
const syncReq = (key: string, id: string) => element(A, 'Sync', element(A, 'Collections', element(A, 'Collection', leaf(A, 'SyncKey', key), leaf(A, 'CollectionId', id))));

const ACTIONS = ['provision', 'acknowledge', 'folderSync0', 'folderSyncCurrent', 'folderSyncWrong', 'sync0', 'syncCurrent', 'syncStale', 'deliver'] as const;

describe('Provision, FolderSync and Sync against a model', () => {
  test('policy keys and sync keys progress as the model says', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 40 }), (actions) => {
        const s = setup();
        const m = { temp: undefined as string | undefined, final: undefined as string | undefined, folderKey: 0, inbox: undefined as string | undefined, syncKey: undefined as number | undefined, has: 0, count: s.world.mailbox('alice', 'INBOX')!.messages.length };
        const keyed = { key: m.final };
        for (const action of actions) {
          keyed.key = m.final;
          const notProvisioned = (root: WbxmlElement) => expect(textOf(root, 'Status')).toBe('142');
          if (action === 'provision') {
            const policy = first(first(decoded(s.call(easPost('Provision', policyReq()))), 'Policies'), 'Policy')!;
            m.temp = textOf(policy, 'PolicyKey');
            expect(m.temp).toMatch(/^[1-9]\d*$/);
            m.final = undefined;
          } else if (action === 'acknowledge') {
            const ack = m.temp ?? '4242';
            const policy = first(first(decoded(s.call(easPost('Provision', policyReq(leaf(P, 'PolicyKey', ack), leaf(P, 'Status', 1)), { key: ack }))), 'Policies'), 'Policy')!;
            if (m.temp === undefined) expect(textOf(policy, 'Status')).toBe('5');
            else {
              expect(textOf(policy, 'Status')).toBe('1');
              m.final = textOf(policy, 'PolicyKey');
              expect(m.final).not.toBe(m.temp);
              m.temp = undefined;
            }
          } else if (action.startsWith('folderSync')) {
            const sent = action === 'folderSync0' ? '0' : action === 'folderSyncWrong' ? String(m.folderKey + 5) : String(m.folderKey);
            const root = decoded(s.call(easPost('FolderSync', element(F, 'FolderSync', leaf(F, 'SyncKey', sent)), keyed)));
            if (!m.final) notProvisioned(root);
            else if (sent === '0') {
              expect([textOf(root, 'Status'), textOf(root, 'SyncKey')]).toEqual(['1', '1']);
              m.folderKey = 1;
              m.inbox = textOf(deep(root, 'Add')[0]!, 'ServerId');
              m.syncKey = undefined;
            } else if (sent !== String(m.folderKey) || m.folderKey === 0) expect(textOf(root, 'Status')).toBe('9');
            else expect([textOf(root, 'Status'), textOf(root, 'SyncKey')]).toEqual(['1', String(m.folderKey)]);
          } else if (action.startsWith('sync')) {
            if (m.inbox === undefined) continue;
            const sent = action === 'sync0' ? '0' : action === 'syncStale' ? String((m.syncKey ?? 1) - 1 || 99) : String(m.syncKey ?? 1);
            const root = decoded(s.call(easPost('Sync', syncReq(sent, m.inbox), keyed)));
            if (!m.final) {
              notProvisioned(root);
              continue;
            }
            const c = deep(root, 'Collection')[0]!;
            if (sent === '0') {
              expect([textOf(c, 'Status'), textOf(c, 'SyncKey')]).toEqual(['1', '1']);
              m.syncKey = 1;
              m.has = 0;
            } else if (m.syncKey === undefined || sent !== String(m.syncKey)) {
              expect([textOf(c, 'Status'), textOf(c, 'SyncKey')]).toEqual(['3', '0']);
            } else {
              m.syncKey += 1;
              expect([textOf(c, 'Status'), textOf(c, 'SyncKey')]).toEqual(['1', String(m.syncKey)]);
              expect(deep(c, 'Add')).toHaveLength(m.count - m.has);
              m.has = m.count;
            }
          } else {
            s.world.append('alice', 'INBOX', 'Subject: model\r\n\r\nhi\r\n');
            m.count += 1;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile bodies never throw', () => {
  const commands = ['Provision', 'FolderSync', 'Sync', 'Ping'];
  const answered = (res: { status: number; body: string }) => {
    expect([200, 400, 413]).toContain(res.status);
    if (res.status === 200) expect(decodeWbxml(res.body).ok).toBe(true);
  };

  test('random octets to every command, provisioned or not, in every version', () => {
    const s = setup();
    const key = provisionPhone(s.call);
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.uint8Array({ maxLength: 200 }), fc.constantFrom('12.1', '14.1', '16.1'), fc.boolean(), (cmd, bytes, version, withKey) => {
        const out = s.eas.handle(easPost(cmd, String.fromCharCode(...bytes), { version, key: withKey ? key : undefined }));
        if (out.response) {
          if (out.response.status === 449) return;
          answered(out.response);
        } else expect(out.held.check()).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  const names = fc.constantFrom(['AirSync', 'Sync'], ['AirSync', 'Collections'], ['AirSync', 'Collection'], ['AirSync', 'SyncKey'], ['AirSync', 'CollectionId'], ['AirSync', 'Commands'], ['AirSync', 'Change'], ['AirSync', 'Delete'], ['AirSync', 'ServerId'], ['AirSync', 'WindowSize'], ['Email', 'Read'], ['Ping', 'Ping'], ['Ping', 'Folders'], ['Ping', 'Folder'], ['Ping', 'Id'], ['Ping', 'HeartbeatInterval'], ['FolderHierarchy', 'FolderSync'], ['FolderHierarchy', 'SyncKey'], ['Provision', 'Provision'], ['Provision', 'Policies'], ['Provision', 'Policy'], ['Provision', 'PolicyKey'], ['Provision', 'PolicyType']);
  const text = fc.oneof(fc.constant(''), fc.constantFrom('0', '1', '2', '5:1', '480', 'MS-EAS-Provisioning-WBXML'), fc.string({ maxLength: 8 }));
  const leafNode = fc.record({ pair: names, text }).map(({ pair, text }): WbxmlElement => ({ ns: pair[0], name: pair[1], text, children: [] }));
  const tree = fc.letrec<{ node: WbxmlElement }>((tie) => ({
    node: fc.oneof({ maxDepth: 5 }, leafNode, fc.record({ pair: names, children: fc.array(tie('node'), { maxLength: 3 }) }).map(({ pair, children }): WbxmlElement => ({ ns: pair[0], name: pair[1], text: '', children }))),
  })).node;

  test('random well-formed trees get a command Status, never a throw', () => {
    const s = setup();
    const key = provisionPhone(s.call);
    s.call(easPost('FolderSync', element(F, 'FolderSync', leaf(F, 'SyncKey', '0')), { key }));
    fc.assert(
      fc.property(fc.constantFrom(...commands), tree, (cmd, root) => {
        const out = s.eas.handle(easPost(cmd, encodeWbxml(root), { key }));
        if (out.response) answered(out.response);
        else expect(typeof out.held.deadline).toBe('number');
      }),
      { numRuns: 1500 },
    );
  });

  test('a body over the size limit gets 413 before anything reads it', () => {
    const s = setup('server-se', { maxRequestOctets: 1000 });
    expect(s.call(easPost('Sync', 'x'.repeat(1001))).status).toBe(413);
  });
});
