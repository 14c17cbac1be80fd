import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CAPABILITIES } from '../../../../src/protocols/imap/capabilities.ts';
import { EXPLAINED_TOKENS, explainImap } from '../../../../src/protocols/imap/replies.ts';

const ROOT = 'src/protocols/imap';
// The core's own files; fetch.ts, search.ts, mime.ts and format.ts are the data modules, explained by their own tests.
const CORE = ['replies.ts', 'mailbox-view.ts', 'capabilities.ts', ...readdirSync(join(ROOT, 'commands')).map((f) => `commands/${f}`)];
const source = CORE.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');

describe('explainImap', () => {
  test('explains every response code written in the server code', () => {
    const codes = new Set([...source.matchAll(/(?:OK|NO|BAD|BYE) \[([A-Z][A-Z-]+)/g)].map((m) => m[1]!));
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) expect(explainImap(code), code).toBeDefined();
  });

  test.each(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH', '*', '+', 'EXISTS', 'RECENT', 'EXPUNGE', 'FETCH', 'FLAGS', 'SEARCH', 'LIST', 'LSUB', 'STATUS', 'NAMESPACE', 'ID', 'CAPABILITY'])(
    'explains %s',
    (token) => {
      const e = explainImap(token)!;
      expect(e.token).toBe(token);
      expect(e.text.length).toBeGreaterThan(20);
      expect(e.rfc).toMatch(/^RFC \d{4} §\d/);
    },
  );

  test('reads codes without regard to case and knows nothing of unknown tokens', () => {
    expect(explainImap('trycreate')?.token).toBe('TRYCREATE');
    expect(explainImap('FROB')).toBeUndefined();
  });

  test('gives every entry a title, a short text and an RFC section', () => {
    for (const token of EXPLAINED_TOKENS) {
      const e = explainImap(token)!;
      expect(e.title.length).toBeGreaterThan(2);
      expect(e.text.split('. ').length).toBeLessThanOrEqual(3);
    }
  });

  test('advertises only capability names of the RFCs it implements', () => {
    expect([...ALL_CAPABILITIES].sort()).toEqual(
      ['AUTH=PLAIN', 'CHILDREN', 'ENABLE', 'ID', 'IDLE', 'IMAP4rev1', 'LITERAL+', 'LOGINDISABLED', 'MOVE', 'NAMESPACE', 'SASL-IR', 'SPECIAL-USE', 'STARTTLS', 'UIDPLUS', 'UNSELECT'].sort(),
    );
  });
});
