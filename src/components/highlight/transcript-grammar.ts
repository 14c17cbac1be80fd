/** Shiki (TextMate) grammars for `C:`/`S:` session transcripts of SMTP, POP3 and IMAP. */
import type { LanguageRegistration } from 'shiki';

type Rule = LanguageRegistration['patterns'][number];
type Captures = NonNullable<Rule['captures']>;

/** Turns a list of scope names into a capture map (index 1 first); empty entries are skipped. */
function caps(...names: Array<string | undefined>): Captures {
  const out: Captures = {};
  names.forEach((name, i) => {
    if (name) out[String(i + 1)] = { name };
  });
  return out;
}

/** A `[...]` response code (POP3/IMAP) right after the status word: space, `[`, text, `]`. */
const RESPONSE_CODE = '(?:( +)(\\[)([^\\]\\r\\n]*)(\\]))?';

/** Scopes for the four groups of {@link RESPONSE_CODE}. */
function responseCodeCaps(lang: string): Array<string | undefined> {
  return [
    undefined,
    `support.constant.response-code.${lang} punctuation.definition.response-code.begin.${lang}`,
    `support.constant.response-code.${lang}`,
    `support.constant.response-code.${lang} punctuation.definition.response-code.end.${lang}`,
  ];
}

/** SMTP DATA / POP3 multi-line rules: a lone `.` ends the body, a leading `..` is dot-stuffing. */
function dotLines(lang: string): Rule[] {
  return [
    { match: '\\G\\.(?=[ \\t]*$)', name: `keyword.control.terminator.${lang}` },
    { match: '\\G\\.(?=\\.)', name: `constant.character.escape.dot-stuffing.${lang}` },
  ];
}

interface TranscriptSpec {
  name: string;
  displayName: string;
  aliases: string[];
  /** Rules for the text after `C: ` (`\G` anchors to the start of that text). */
  client: Rule[];
  /** Rules for the text after `S: ` (`\G` anchors to the start of that text). */
  server: Rule[];
}

/** Builds one transcript grammar: the shared comment, event and `C:`/`S:` line rules plus the protocol's own. */
function transcriptGrammar({ name, displayName, aliases, client, server }: TranscriptSpec): LanguageRegistration {
  const line = (prefix: 'C' | 'S', side: 'client' | 'server', prefixScope: string, patterns: Rule[]): Rule => ({
    name: `meta.line.${side}.${name}`,
    begin: `^[ \\t]*(${prefix}:)[ \\t]?`,
    beginCaptures: caps(`${prefixScope}.prefix.${side}.transcript`),
    end: '$',
    patterns,
  });
  return {
    name,
    displayName,
    aliases,
    scopeName: `text.transcript.${name}`,
    patterns: [
      { include: '#comment' },
      { include: '#event' },
      { include: '#client-line' },
      { include: '#server-line' },
    ],
    repository: {
      comment: {
        match: '^[ \\t]*(;).*$',
        name: 'comment.line.semicolon.transcript',
        captures: caps('punctuation.definition.comment.transcript'),
      },
      event: {
        match: '^[ \\t]*(\\[)(.*)(\\])[ \\t]*$',
        name: 'meta.event.transcript markup.heading.event.transcript',
        captures: caps('punctuation.definition.event.begin.transcript', undefined, 'punctuation.definition.event.end.transcript'),
      },
      'client-line': line('C', 'client', 'support.type', client),
      'server-line': line('S', 'server', 'variable.parameter', server),
    },
  };
}

/** An SMTP path: `<local@domain>` or the null path `<>`. */
const PATH = '<[^<>\\s@]*@[^<>\\s]*>|<>';

/** SMTP: `C:` command verbs and paths, `S:` reply codes by class, enhanced status codes, DATA dot lines. */
export const smtpTranscript: LanguageRegistration = transcriptGrammar({
  name: 'smtp',
  displayName: 'SMTP transcript',
  aliases: ['smtp-transcript', 'esmtp'],
  client: [
    {
      match: '\\G(?:MAIL +FROM:|RCPT +TO:|EHLO|HELO|LHLO|DATA|BDAT|AUTH|STARTTLS|RSET|NOOP|VRFY|EXPN|HELP|QUIT)(?=[ \\t<]|$)',
      name: 'keyword.control.command.smtp',
    },
    ...dotLines('smtp'),
    { match: PATH, name: 'string.other.path.smtp' },
  ],
  server: [
    {
      match: '\\G(?:(2[0-9]{2})|(3[0-9]{2})|(4[0-9]{2})|(5[0-9]{2}))(?:(-)|( )|$)([245]\\.[0-9]{1,3}\\.[0-9]{1,3}(?=[ \\t]|$))?',
      captures: caps(
        'constant.numeric.reply-code.success.completion.smtp markup.inserted.reply-code.success.smtp',
        'constant.numeric.reply-code.success.intermediate.smtp markup.inserted.reply-code.success.smtp',
        'constant.numeric.reply-code.failure.transient.smtp markup.deleted.reply-code.failure.smtp',
        'constant.numeric.reply-code.failure.permanent.smtp markup.deleted.reply-code.failure.smtp',
        'punctuation.separator.continuation.smtp',
        'punctuation.separator.last-line.smtp',
        'constant.numeric.enhanced-status-code.smtp',
      ),
    },
    { match: PATH, name: 'string.other.path.smtp' },
  ],
});

/** POP3: `C:` command verbs, `S:` `+OK`/`-ERR` with `[RESP-CODE]`, SASL `+` and multi-line dot lines. */
export const pop3Transcript: LanguageRegistration = transcriptGrammar({
  name: 'pop3',
  displayName: 'POP3 transcript',
  aliases: ['pop3-transcript', 'pop'],
  client: [
    {
      match: '\\G(?:USER|PASS|APOP|AUTH|CAPA|STLS|STAT|LIST|UIDL|TOP|RETR|DELE|NOOP|RSET|QUIT|UTF8)(?=[ \\t]|$)',
      name: 'keyword.control.command.pop3',
    },
  ],
  server: [
    {
      match: `\\G(?:(\\+OK)|(-ERR))(?=[ \\t]|$)${RESPONSE_CODE}`,
      captures: caps(
        'keyword.other.status.ok.pop3 markup.inserted.status.ok.pop3',
        'keyword.other.status.err.pop3 markup.deleted.status.err.pop3',
        ...responseCodeCaps('pop3'),
      ),
    },
    { match: '\\G\\+(?=[ \\t]|$)', name: 'keyword.operator.continuation.pop3' },
    ...dotLines('pop3'),
  ],
});

/** IMAP arguments shared by both sides: flags, quoted strings and `{n}` literal announcements. */
const imapArguments: Rule[] = [
  { match: '\\\\(?:\\*|[A-Za-z][A-Za-z0-9_$-]*)', name: 'constant.language.flag.imap' },
  // Runs to the closing quote or the end of the line: always matches, so it can never go quadratic.
  { match: '"(?:[^"\\\\\\n]|\\\\.)*(?:"|\\\\?$)', name: 'string.quoted.double.imap' },
  { match: '~?\\{[0-9]+[+-]?\\}(?=[ \\t]*$)', name: 'constant.numeric.literal-length.imap' },
];

/** IMAP: `C:` tag + command, `S:` `*`/`+`/tag, status words, `[RESP-CODE]`, message data, flags. */
export const imapTranscript: LanguageRegistration = transcriptGrammar({
  name: 'imap',
  displayName: 'IMAP transcript',
  aliases: ['imap-transcript', 'imap4'],
  client: [
    {
      match: '\\G([^\\s*+]+)( +)((?:UID +)?[A-Z][A-Z0-9-]*)(?=[ \\t]|$)',
      captures: caps('entity.name.tag.imap', undefined, 'keyword.control.command.imap'),
    },
    { match: '\\GDONE(?=[ \\t]*$)', name: 'keyword.control.command.imap' },
    ...imapArguments,
  ],
  server: [
    {
      match: `\\G(?:(\\*)|([^\\s*+]+))( +)(?:(OK)|(NO)|(BAD)|(BYE)|(PREAUTH))(?=[ \\t]|$)${RESPONSE_CODE}`,
      captures: caps(
        'keyword.operator.untagged.imap',
        'entity.name.tag.imap',
        undefined,
        'keyword.other.status.ok.imap markup.inserted.status.ok.imap',
        'keyword.other.status.no.imap markup.deleted.status.no.imap',
        'keyword.other.status.bad.imap invalid.illegal.status.bad.imap',
        'keyword.other.status.bye.imap markup.changed.status.bye.imap',
        'keyword.other.status.preauth.imap markup.inserted.status.preauth.imap',
        ...responseCodeCaps('imap'),
      ),
    },
    {
      match: '\\G(\\*)( +)(?:([0-9]+)( +))?([A-Za-z][A-Za-z0-9.-]*)(?=[ \\t(]|$)',
      captures: caps(
        'keyword.operator.untagged.imap',
        undefined,
        'constant.numeric.message-data.imap',
        undefined,
        'support.function.data.imap',
      ),
    },
    { match: '\\G\\*(?=[ \\t]|$)', name: 'keyword.operator.untagged.imap' },
    { match: '\\G\\+(?=[ \\t]|$)', name: 'keyword.operator.continuation.imap' },
    ...imapArguments,
  ],
});

/** All three transcript grammars, ready for `createHighlighter({ langs })` or Expressive Code's `shiki.langs`. */
export const transcriptLanguages: LanguageRegistration[] = [smtpTranscript, pop3Transcript, imapTranscript];
