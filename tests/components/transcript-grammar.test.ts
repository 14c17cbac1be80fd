/** Unit tests for the SMTP/POP3/IMAP transcript grammars in src/components/highlight/transcript-grammar.ts. */
import { describe, test, expect } from 'vitest';
import { createHighlighter, createJavaScriptRegexEngine, type HighlighterCore } from 'shiki';
import { INITIAL } from 'shiki/textmate';
import {
  imapTranscript,
  pop3Transcript,
  smtpTranscript,
  transcriptLanguages,
} from '../../src/components/highlight/transcript-grammar';

type Lang = 'smtp' | 'pop3' | 'imap';

// Typed as HighlighterCore so that `lang` accepts our own grammar names, which are not in shiki's bundled-language union.
const highlighter: HighlighterCore = (await createHighlighter({
  themes: ['github-light', 'github-dark'],
  langs: transcriptLanguages,
})) as unknown as HighlighterCore;

/** One tokenised piece of text with its scope names (root scope left out). */
interface Piece {
  content: string;
  scopes: string[];
}

/** Tokenises `code` and flattens every line into pieces; `lines[i]` is line i. */
function pieces(code: string, lang: Lang, hl = highlighter): Piece[][] {
  const { tokens } = hl.codeToTokens(code, { lang, theme: 'github-light', includeExplanation: true });
  return tokens.map((line) =>
    line.flatMap((token) =>
      (token.explanation ?? []).map((e) => ({ content: e.content, scopes: e.scopes.slice(1).map((s) => s.scopeName) })),
    ),
  );
}

/** Scopes of the first piece whose text is exactly `text`; throws if there is none. */
function scopesOf(code: string, lang: Lang, text: string): string[] {
  const found = pieces(code, lang)
    .flat()
    .find((p) => p.content === text);
  if (!found) throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(code)}`);
  return found.scopes;
}

/** All scope names a piece of code gets, deduplicated. */
function allScopes(code: string, lang: Lang): string[] {
  return [...new Set(pieces(code, lang).flat().flatMap((p) => p.scopes))];
}

/** Colour (light theme) of the first token whose text is exactly `text`. */
function colourOf(code: string, lang: Lang, text: string, theme: string): string | undefined {
  const { tokens } = highlighter.codeToTokens(code, { lang, theme });
  return tokens.flat().find((t) => t.content === text)?.color;
}

describe('transcriptLanguages', () => {
  test('exports the three grammars under their names', () => {
    expect(transcriptLanguages.map((l) => [l.name, l.scopeName])).toEqual([
      ['smtp', 'text.transcript.smtp'],
      ['pop3', 'text.transcript.pop3'],
      ['imap', 'text.transcript.imap'],
    ]);
    expect(transcriptLanguages).toEqual([smtpTranscript, pop3Transcript, imapTranscript]);
  });

  test('uses only scope names that start with a standard root and end with a language suffix', () => {
    const names: string[] = [];
    const walk = (value: unknown, key?: string): void => {
      if (key === 'name' && typeof value === 'string') names.push(...value.split(' '));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    for (const lang of transcriptLanguages) walk({ patterns: lang.patterns, repository: lang.repository });
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      expect(name).toMatch(
        /^(comment|constant|entity|invalid|keyword|markup|meta|punctuation|string|support|variable)\.[a-z0-9.-]+\.(smtp|pop3|imap|transcript)$/,
      );
    }
  });
});

describe('shared transcript lines', () => {
  test.each(['smtp', 'pop3', 'imap'] as const)('scopes a ; line as a comment in %s', (lang) => {
    const code = '; DNS: example.test. MX 10 mail.example.test.';
    expect(scopesOf(code, lang, ';')).toEqual([
      'comment.line.semicolon.transcript',
      'punctuation.definition.comment.transcript',
    ]);
    expect(scopesOf(code, lang, ' DNS: example.test. MX 10 mail.example.test.')).toEqual([
      'comment.line.semicolon.transcript',
    ]);
  });

  test.each([
    ['smtp', '[TCP connect to mail.example.test:25]', 'TCP connect to mail.example.test:25'],
    ['smtp', '   [TLS handshake; from here on everything is encrypted]', 'TLS handshake; from here on everything is encrypted'],
    ['pop3', '[TCP connect to pop.example.test:110]', 'TCP connect to pop.example.test:110'],
    ['imap', '[server waits for "DONE"] ', 'server waits for "DONE"'],
  ] as const)('scopes an event line in %s: %s', (lang, code, inner) => {
    expect(scopesOf(code, lang, inner)).toEqual(['meta.event.transcript', 'markup.heading.event.transcript']);
    expect(scopesOf(code, lang, '[')).toEqual([
      'meta.event.transcript',
      'markup.heading.event.transcript',
      'punctuation.definition.event.begin.transcript',
    ]);
  });

  test('does not treat a line with text after the closing bracket as an event', () => {
    expect(allScopes('[not] an event', 'smtp')).toEqual([]);
  });

  test.each(['smtp', 'pop3', 'imap'] as const)('gives C: and S: different scopes and colours in %s', (lang) => {
    const code = 'C: NOOP\nS: hello';
    expect(scopesOf(code, lang, 'C:')).toEqual([`meta.line.client.${lang}`, 'support.type.prefix.client.transcript']);
    expect(scopesOf(code, lang, 'S:')).toEqual([`meta.line.server.${lang}`, 'variable.parameter.prefix.server.transcript']);
    for (const theme of ['github-light', 'github-dark']) {
      expect(colourOf(code, lang, 'C:', theme)).not.toBe(colourOf(code, lang, 'S:', theme));
    }
  });

  test.each(['smtp', 'pop3', 'imap'] as const)('accepts a bare C: and S: line in %s', (lang) => {
    const lines = pieces('C:\nS:', lang);
    expect(lines).toEqual([
      [{ content: 'C:', scopes: [`meta.line.client.${lang}`, 'support.type.prefix.client.transcript'] }],
      [{ content: 'S:', scopes: [`meta.line.server.${lang}`, 'variable.parameter.prefix.server.transcript'] }],
    ]);
  });
});

describe('smtpTranscript', () => {
  test.each([
    ['220', 'constant.numeric.reply-code.success.completion.smtp', 'markup.inserted.reply-code.success.smtp'],
    ['250', 'constant.numeric.reply-code.success.completion.smtp', 'markup.inserted.reply-code.success.smtp'],
    ['354', 'constant.numeric.reply-code.success.intermediate.smtp', 'markup.inserted.reply-code.success.smtp'],
    ['334', 'constant.numeric.reply-code.success.intermediate.smtp', 'markup.inserted.reply-code.success.smtp'],
    ['421', 'constant.numeric.reply-code.failure.transient.smtp', 'markup.deleted.reply-code.failure.smtp'],
    ['450', 'constant.numeric.reply-code.failure.transient.smtp', 'markup.deleted.reply-code.failure.smtp'],
    ['530', 'constant.numeric.reply-code.failure.permanent.smtp', 'markup.deleted.reply-code.failure.smtp'],
    ['535', 'constant.numeric.reply-code.failure.permanent.smtp', 'markup.deleted.reply-code.failure.smtp'],
    ['550', 'constant.numeric.reply-code.failure.permanent.smtp', 'markup.deleted.reply-code.failure.smtp'],
    ['554', 'constant.numeric.reply-code.failure.permanent.smtp', 'markup.deleted.reply-code.failure.smtp'],
  ])('scopes reply code %s as %s', (code, numeric, markup) => {
    expect(scopesOf(`S: ${code} some text`, 'smtp', code)).toEqual(['meta.line.server.smtp', numeric, markup]);
  });

  test.each([
    ['S: 250 2.1.0 Ok', '2.1.0'],
    ['S: 530 5.7.0 Must issue a STARTTLS command first', '5.7.0'],
    ['S: 451-4.3.0 Temporary lookup failure', '4.3.0'],
    ['S: 550 5.1.1', '5.1.1'],
    ['S: 552 5.3.4 Message too big', '5.3.4'],
  ])('scopes the enhanced status code in %s', (code, enhanced) => {
    expect(scopesOf(code, 'smtp', enhanced)).toEqual([
      'meta.line.server.smtp',
      'constant.numeric.enhanced-status-code.smtp',
    ]);
  });

  test.each(['S: 250 1.2.3 not a class', 'S: 250 2.0.0.1 four parts', 'S: 220 mail.example.test ESMTP', 'S: 2.1.0 no reply code'])(
    'does not scope an enhanced status code in %s',
    (code) => {
      expect(allScopes(code, 'smtp')).not.toContain('constant.numeric.enhanced-status-code.smtp');
    },
  );

  test('scopes a multi-line 250- reply with continuation and last-line separators', () => {
    const lines = pieces('S: 250-mail.example.test\nS: 250-PIPELINING\nS: 250 STARTTLS', 'smtp');
    const success = ['meta.line.server.smtp', 'constant.numeric.reply-code.success.completion.smtp', 'markup.inserted.reply-code.success.smtp'];
    expect(lines.map((line) => line.map((p) => p.content))).toEqual([
      ['S:', ' ', '250', '-', 'mail.example.test'],
      ['S:', ' ', '250', '-', 'PIPELINING'],
      ['S:', ' ', '250', ' ', 'STARTTLS'],
    ]);
    expect(lines.map((line) => line[2]?.scopes)).toEqual([success, success, success]);
    expect(lines.map((line) => line[3]?.scopes.at(-1))).toEqual([
      'punctuation.separator.continuation.smtp',
      'punctuation.separator.continuation.smtp',
      'punctuation.separator.last-line.smtp',
    ]);
  });

  test.each([
    ['S: 2500 too many digits'],
    ['S: 199 not a reply class'],
    ['S: 650 not a reply class'],
    ['S: VXNlcm5hbWU6'],
  ])('leaves %s without a reply-code scope', (code) => {
    expect(allScopes(code, 'smtp').filter((s) => s.includes('reply-code'))).toEqual([]);
  });

  test.each([
    ['C: EHLO client.example.test', 'EHLO'],
    ['C: HELO client.example.test', 'HELO'],
    ['C: MAIL FROM:<alice@example.test>', 'MAIL FROM:'],
    ['C: MAIL FROM:<> SIZE=1000', 'MAIL FROM:'],
    ['C: RCPT TO:<bob@example.test>', 'RCPT TO:'],
    ['C: DATA', 'DATA'],
    ['C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'AUTH'],
    ['C: STARTTLS', 'STARTTLS'],
    ['C: RSET', 'RSET'],
    ['C: NOOP', 'NOOP'],
    ['C: VRFY bob', 'VRFY'],
    ['C: EXPN staff', 'EXPN'],
    ['C: HELP', 'HELP'],
    ['C: QUIT', 'QUIT'],
  ])('scopes the verb in %s', (code, verb) => {
    expect(scopesOf(code, 'smtp', verb)).toEqual(['meta.line.client.smtp', 'keyword.control.command.smtp']);
  });

  test.each(['C: Subject: Lunch on Friday?', 'C: QUITE a long message body', 'C: dGVzdA==', 'C: Hello Bob,'])(
    'treats %s as plain client text',
    (code) => {
      expect(allScopes(code, 'smtp')).toEqual(['meta.line.client.smtp', 'support.type.prefix.client.transcript']);
    },
  );

  test('scopes mailbox paths but not <CR><LF>', () => {
    expect(scopesOf('C: RCPT TO:<bob@example.test>', 'smtp', '<bob@example.test>')).toEqual([
      'meta.line.client.smtp',
      'string.other.path.smtp',
    ]);
    expect(allScopes('S: 354 End data with <CR><LF>.<CR><LF>', 'smtp')).not.toContain('string.other.path.smtp');
  });

  test('scopes the DATA terminator and dot-stuffing', () => {
    expect(scopesOf('C: .', 'smtp', '.')).toEqual(['meta.line.client.smtp', 'keyword.control.terminator.smtp']);
    expect(scopesOf('C: ..hidden', 'smtp', '.')).toEqual([
      'meta.line.client.smtp',
      'constant.character.escape.dot-stuffing.smtp',
    ]);
    expect(scopesOf('C: ..hidden', 'smtp', '.hidden')).toEqual(['meta.line.client.smtp']);
  });
});

describe('pop3Transcript', () => {
  test.each([
    ['S: +OK Logged in.', '+OK', ['keyword.other.status.ok.pop3', 'markup.inserted.status.ok.pop3']],
    ['S: +OK', '+OK', ['keyword.other.status.ok.pop3', 'markup.inserted.status.ok.pop3']],
    ['S: -ERR [AUTH] Authentication failed.', '-ERR', ['keyword.other.status.err.pop3', 'markup.deleted.status.err.pop3']],
    ['S: -ERR no such message', '-ERR', ['keyword.other.status.err.pop3', 'markup.deleted.status.err.pop3']],
  ])('scopes the status in %s', (code, status, scopes) => {
    expect(scopesOf(code, 'pop3', status)).toEqual(['meta.line.server.pop3', ...scopes]);
  });

  test.each([
    ['S: -ERR [AUTH] Authentication failed.', 'AUTH'],
    ['S: -ERR [IN-USE] Mailbox is locked', 'IN-USE'],
    ['S: -ERR [SYS/TEMP] Try again later', 'SYS/TEMP'],
    ['S: +OK [UTF8] ready', 'UTF8'],
  ])('scopes the response code in %s', (code, inner) => {
    expect(scopesOf(code, 'pop3', inner)).toEqual(['meta.line.server.pop3', 'support.constant.response-code.pop3']);
    expect(scopesOf(code, 'pop3', ']')).toEqual([
      'meta.line.server.pop3',
      'support.constant.response-code.pop3',
      'punctuation.definition.response-code.end.pop3',
    ]);
  });

  test('does not scope brackets later in the text as a response code', () => {
    expect(allScopes('S: +OK message [1] follows', 'pop3')).not.toContain('support.constant.response-code.pop3');
  });

  test.each([
    ['C: USER alice', 'USER'],
    ['C: PASS wonderland', 'PASS'],
    ['C: APOP alice c4c9334bac560ecc979e58001b3e22fb', 'APOP'],
    ['C: AUTH PLAIN', 'AUTH'],
    ['C: CAPA', 'CAPA'],
    ['C: STLS', 'STLS'],
    ['C: STAT', 'STAT'],
    ['C: LIST', 'LIST'],
    ['C: UIDL 1', 'UIDL'],
    ['C: TOP 1 10', 'TOP'],
    ['C: RETR 1', 'RETR'],
    ['C: DELE 1', 'DELE'],
    ['C: NOOP', 'NOOP'],
    ['C: RSET', 'RSET'],
    ['C: QUIT', 'QUIT'],
  ])('scopes the verb in %s', (code, verb) => {
    expect(scopesOf(code, 'pop3', verb)).toEqual(['meta.line.client.pop3', 'keyword.control.command.pop3']);
  });

  test('scopes a multi-line body: terminator, dot-stuffing, plain lines', () => {
    const lines = pieces('S: +OK 2 messages\nS: 1 555\nS: ..hidden\nS: .', 'pop3');
    expect(lines[1]).toEqual([
      { content: 'S:', scopes: ['meta.line.server.pop3', 'variable.parameter.prefix.server.transcript'] },
      { content: ' ', scopes: ['meta.line.server.pop3'] },
      { content: '1 555', scopes: ['meta.line.server.pop3'] },
    ]);
    expect(lines[2]?.[2]).toEqual({
      content: '.',
      scopes: ['meta.line.server.pop3', 'constant.character.escape.dot-stuffing.pop3'],
    });
    expect(lines[3]?.[2]).toEqual({ content: '.', scopes: ['meta.line.server.pop3', 'keyword.control.terminator.pop3'] });
  });

  test('scopes a SASL continuation +', () => {
    expect(scopesOf('S: + ', 'pop3', '+')).toEqual(['meta.line.server.pop3', 'keyword.operator.continuation.pop3']);
  });
});

describe('imapTranscript', () => {
  test.each([
    ['C: a001 LOGIN alice wonderland', 'a001', 'LOGIN'],
    ['C: a3 UID FETCH 1:* (FLAGS)', 'a3', 'UID FETCH'],
    ['C: A142 SELECT INBOX', 'A142', 'SELECT'],
    ['C: x.1 CAPABILITY', 'x.1', 'CAPABILITY'],
    ['C: a028 FROB', 'a028', 'FROB'],
  ])('scopes tag and command in %s', (code, tag, command) => {
    expect(scopesOf(code, 'imap', tag)).toEqual(['meta.line.client.imap', 'entity.name.tag.imap']);
    expect(scopesOf(code, 'imap', command)).toEqual(['meta.line.client.imap', 'keyword.control.command.imap']);
  });

  test('scopes DONE without a tag', () => {
    expect(scopesOf('C: DONE', 'imap', 'DONE')).toEqual(['meta.line.client.imap', 'keyword.control.command.imap']);
  });

  test.each(['C: Hello Joe, do you think we can meet at 3:30 tomorrow?', 'C: dGVzdAB0ZXN0AHRlc3Q=', 'C: *', 'C: )'])(
    'treats literal or SASL line %s as plain client text',
    (code) => {
      expect(allScopes(code, 'imap')).toEqual(['meta.line.client.imap', 'support.type.prefix.client.transcript']);
    },
  );

  test.each([
    ['S: a011 OK [READ-WRITE] Select completed', 'OK', ['keyword.other.status.ok.imap', 'markup.inserted.status.ok.imap']],
    ['S: a006 NO [AUTHENTICATIONFAILED] Authentication failed.', 'NO', ['keyword.other.status.no.imap', 'markup.deleted.status.no.imap']],
    ['S: a028 BAD Error in IMAP command FROB: Unknown command', 'BAD', ['keyword.other.status.bad.imap', 'invalid.illegal.status.bad.imap']],
    ['S: * OK [CAPABILITY IMAP4rev1 SASL-IR] Dovecot ready.', 'OK', ['keyword.other.status.ok.imap', 'markup.inserted.status.ok.imap']],
    ['S: * BAD [ALERT] Server shutting down', 'BAD', ['keyword.other.status.bad.imap', 'invalid.illegal.status.bad.imap']],
    ['S: * BYE Logging out', 'BYE', ['keyword.other.status.bye.imap', 'markup.changed.status.bye.imap']],
    ['S: * PREAUTH IMAP4rev1 server logged in as alice', 'PREAUTH', ['keyword.other.status.preauth.imap', 'markup.inserted.status.preauth.imap']],
  ])('scopes the status in %s', (code, status, scopes) => {
    expect(scopesOf(code, 'imap', status)).toEqual(['meta.line.server.imap', ...scopes]);
  });

  test('scopes the tag of a tagged reply and the * of an untagged one', () => {
    expect(scopesOf('S: a011 OK done', 'imap', 'a011')).toEqual(['meta.line.server.imap', 'entity.name.tag.imap']);
    expect(scopesOf('S: * OK done', 'imap', '*')).toEqual(['meta.line.server.imap', 'keyword.operator.untagged.imap']);
  });

  test.each([
    ['S: + idling', '+'],
    ['S: + ', '+'],
    ['S: +', '+'],
  ])('scopes the continuation in %j', (code, plus) => {
    expect(scopesOf(code, 'imap', plus)).toEqual(['meta.line.server.imap', 'keyword.operator.continuation.imap']);
  });

  test.each([
    ['S: a2 NO [TRYCREATE] Mailbox does not exist', 'TRYCREATE'],
    ['S: a011 OK [READ-WRITE] Select completed', 'READ-WRITE'],
    ['S: * OK [UIDVALIDITY 3857529045] UIDs valid', 'UIDVALIDITY 3857529045'],
    ['S: * BAD [ALERT] Server shutting down', 'ALERT'],
  ])('scopes the response code in %s', (code, inner) => {
    expect(scopesOf(code, 'imap', inner)).toEqual(['meta.line.server.imap', 'support.constant.response-code.imap']);
    expect(scopesOf(code, 'imap', '[')).toEqual([
      'meta.line.server.imap',
      'support.constant.response-code.imap',
      'punctuation.definition.response-code.begin.imap',
    ]);
  });

  test.each([
    ['S: * 4 EXISTS', '4', 'EXISTS'],
    ['S: * 0 RECENT', '0', 'RECENT'],
    ['S: * 3 EXPUNGE', '3', 'EXPUNGE'],
    ['S: * 1 FETCH (FLAGS (\\Seen))', '1', 'FETCH'],
  ])('scopes message data in %s', (code, number, keyword) => {
    expect(scopesOf(code, 'imap', number)).toEqual(['meta.line.server.imap', 'constant.numeric.message-data.imap']);
    expect(scopesOf(code, 'imap', keyword)).toEqual(['meta.line.server.imap', 'support.function.data.imap']);
  });

  test('scopes untagged data without a number', () => {
    expect(scopesOf('S: * CAPABILITY IMAP4rev1 IDLE', 'imap', 'CAPABILITY')).toEqual([
      'meta.line.server.imap',
      'support.function.data.imap',
    ]);
  });

  test('scopes flags, quoted strings and literal announcements', () => {
    const fetch = 'S: * 1 FETCH (FLAGS (\\Seen \\Answered))';
    expect(scopesOf(fetch, 'imap', '\\Seen')).toEqual(['meta.line.server.imap', 'constant.language.flag.imap']);
    expect(scopesOf(fetch, 'imap', '\\Answered')).toEqual(['meta.line.server.imap', 'constant.language.flag.imap']);
    expect(scopesOf('C: a1 LOGIN "alice" "wonder land"', 'imap', '"wonder land"')).toEqual([
      'meta.line.client.imap',
      'string.quoted.double.imap',
    ]);
    expect(scopesOf('C: a5 APPEND INBOX {310}', 'imap', '{310}')).toEqual([
      'meta.line.client.imap',
      'constant.numeric.literal-length.imap',
    ]);
  });

  test.each(['S: Please find the summary below.', 'S: )', 'S: Hello OKAY then'])('treats literal line %s as plain server text', (code) => {
    expect(allScopes(code, 'imap')).toEqual(['meta.line.server.imap', 'variable.parameter.prefix.server.transcript']);
  });
});

describe('codeToHtml', () => {
  test.each(['github-light', 'github-dark'])('renders 250 and 550 in different colours with %s', (theme) => {
    const html = highlighter.codeToHtml('S: 250 2.1.0 Ok\nS: 550 5.1.1 No such user', { lang: 'smtp', theme });
    const styleOf = (text: string): string | undefined => new RegExp(`<span style="([^"]*)"> ?${text}</span>`).exec(html)?.[1];
    expect(styleOf('250')).toMatch(/color:#/i);
    expect(styleOf('550')).toMatch(/color:#/i);
    expect(styleOf('250')).not.toBe(styleOf('550'));
  });

  test('renders the dual light/dark theme with CSS variables for the reply codes', () => {
    const html = highlighter.codeToHtml('S: 250 Ok\nS: 550 No', {
      lang: 'smtp',
      themes: { light: 'github-light', dark: 'github-dark' },
    });
    const ok = /<span style="([^"]*)"> ?250<\/span>/.exec(html)?.[1];
    const fail = /<span style="([^"]*)"> ?550<\/span>/.exec(html)?.[1];
    expect(ok).toContain('--shiki-dark:');
    expect(ok).not.toBe(fail);
  });
});

describe('robustness', () => {
  const garbage = [
    'x'.repeat(10_000),
    `S: 250-${'"\\'.repeat(5_000)}`,
    `C: a1 ${'"'.repeat(3_000)}${'\\"'.repeat(3_500)}`,
    `S: * OK [${'['.repeat(10_000)}`,
    `S: -ERR [${'a]'.repeat(5_000)}`,
    `   [${'[] '.repeat(3_300)}`,
    `C: MAIL FROM:${'<'.repeat(5_000)}@${'>'.repeat(5_000)}`,
    `S: * ${'1 '.repeat(5_000)}`,
    `; ${'\u0000\uFFFF\u{1F4E7}'.repeat(2_500)}`,
    '\t\t C:\tS: ;[]\r',
    'S:S:S:C:C:',
    '',
  ];

  test.each(['smtp', 'pop3', 'imap'] as const)('tokenises 10,000-character and garbage lines in %s quickly', (lang) => {
    const grammar = highlighter.getLanguage(lang);
    for (const line of garbage) {
      const started = performance.now();
      const result = grammar.tokenizeLine(line, INITIAL, 1_000);
      expect(result.stoppedEarly, line.slice(0, 40)).toBe(false);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    const code = [...garbage, 'S: 250 Ok'].join('\n');
    const lines = pieces(code, lang);
    expect(lines.map((line) => line.map((p) => p.content).join(''))).toEqual(code.split(/\r?\n/));
    expect(lines.at(-1)?.[0]?.scopes).toEqual([`meta.line.server.${lang}`, 'variable.parameter.prefix.server.transcript']);
  });

  test('tokenises the same way with the JavaScript regex engine', async () => {
    const js = (await createHighlighter({
      themes: ['github-light'],
      langs: transcriptLanguages,
      engine: createJavaScriptRegexEngine(),
    })) as unknown as HighlighterCore;
    const samples: Array<[Lang, string]> = [
      ['smtp', 'S: 250-PIPELINING\nS: 550 5.1.1 <bob@example.test>\nC: MAIL FROM:<a@b.test>\nC: ..x\n; hi\n[event]'],
      ['pop3', 'S: -ERR [IN-USE] locked\nC: RETR 1\nS: .\nS: + '],
      ['imap', 'C: a3 UID FETCH 1:* (FLAGS)\nS: * 1 FETCH (FLAGS (\\Seen))\nS: a3 NO [TRYCREATE] x\nS: + idling\nC: DONE'],
    ];
    for (const [lang, code] of samples) expect(pieces(code, lang, js)).toEqual(pieces(code, lang));
    js.dispose();
  });
});
