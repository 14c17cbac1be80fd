/**
 * The IMAP state diagram's arrows, read from the machine definition, against the engine, both ways: every arrow
 * is a move the server really makes, and no session, however random, makes a move between RFC states that the
 * definition leaves out (nor needs one it lacks: the session would count an internal error).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { stateGraph } from '../../src/components/widgets/state-graph.ts';
import { imapSessionMachine } from '../../src/machines/imap-session.machine.ts';
import { openSession } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const top = (state: string) => state.split('.')[0] ?? state;
const declared = new Set(stateGraph(imapSessionMachine).edges.map((m) => `${m.from} → ${m.to}`));

/** The top-level moves a session makes over `lines` on port 993. */
function movesOf(lines: readonly string[]): string[] {
  const session = openSession(new MailWorld(), 'imap', 993);
  const moves: string[] = [];
  for (const line of lines) {
    if (session.view().closed) break;
    const before = top(session.view().state);
    session.send(line);
    const after = top(session.view().state);
    if (after !== before) moves.push(`${before} → ${after}`);
  }
  expect(session.internalErrors, lines.join(' | ')).toBe(0);
  return moves;
}

const LOGIN = 'a LOGIN alice wonderland';

describe('the IMAP diagram’s arrows, from the machine definition', () => {
  test.each<[string, string[], string]>([
    ['LOGIN', [LOGIN], 'notAuthenticated → authenticated'],
    ['AUTHENTICATE with an initial response', ['a AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ='], 'notAuthenticated → authenticated'],
    ['AUTHENTICATE, then the SASL response', ['a AUTHENTICATE PLAIN', 'AGFsaWNlAHdvbmRlcmxhbmQ='], 'notAuthenticated → authenticated'],
    ['LOGOUT before login', ['a LOGOUT'], 'notAuthenticated → logout'],
    ['three bad commands before login', ['a FROB', 'b FROB', 'c FROB'], 'notAuthenticated → logout'],
    ['SELECT', [LOGIN, 'b SELECT INBOX'], 'authenticated → selected'],
    ['EXAMINE', [LOGIN, 'b EXAMINE INBOX'], 'authenticated → selected'],
    ['LOGOUT after login', [LOGIN, 'b LOGOUT'], 'authenticated → logout'],
    ['too many bad commands after login', [LOGIN, ...Array.from({ length: 20 }, (_, i) => `x${i} FROB`)], 'authenticated → logout'],
    ['CLOSE', [LOGIN, 'b SELECT INBOX', 'c CLOSE'], 'selected → authenticated'],
    ['UNSELECT', [LOGIN, 'b SELECT INBOX', 'c UNSELECT'], 'selected → authenticated'],
    ['a failed SELECT', [LOGIN, 'b SELECT INBOX', 'c SELECT Nowhere'], 'selected → authenticated'],
    ['LOGOUT in a mailbox', [LOGIN, 'b SELECT INBOX', 'c LOGOUT'], 'selected → logout'],
    ['too many bad commands in a mailbox', [LOGIN, 'b SELECT INBOX', ...Array.from({ length: 20 }, (_, i) => `x${i} FROB`)], 'selected → logout'],
  ])('%s: the server makes the declared move', (_what, lines, move) => {
    expect(declared).toContain(move);
    expect(movesOf(lines).at(-1)).toBe(move);
  });

  test('a refused LOGIN and a refused SELECT leave the state as it was', () => {
    expect(movesOf(['a LOGIN alice nope'])).toEqual([]);
    expect(movesOf([LOGIN, 'b SELECT Nowhere'])).toEqual(['notAuthenticated → authenticated']);
  });

  test('every declared move has a test above', () => {
    expect(declared.size).toBe(6);
  });

  const COMMANDS = [
    'LOGIN alice wonderland', 'LOGIN alice nope', 'AUTHENTICATE PLAIN', 'AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'SELECT INBOX',
    'EXAMINE INBOX', 'SELECT Nowhere', 'EXAMINE Archive', 'CLOSE', 'UNSELECT', 'LOGOUT', 'FROB', 'IDLE', 'NOOP', 'APPEND INBOX {5}',
    'LOGIN {5}', 'SELECT {5}', 'FETCH 1 FLAGS', 'EXPUNGE', 'STARTTLS', 'CAPABILITY',
  ];
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...COMMANDS)).map(([t, c]) => `${t} ${c}`) },
    { weight: 3, arbitrary: fc.constantFrom('DONE', 'AGFsaWNlAHdvbmRlcmxhbmQ=', 'alice', 'INBOX', '*', '', 'hello') },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );

  test('random sessions make no move between RFC states that the list leaves out', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        for (const move of movesOf(lines)) expect(declared, move).toContain(move);
      }),
      { numRuns: 400 },
    );
  });
});
