/** The embed options: what each parameter accepts, the messages for bad ones, and that parsing never throws. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EMBED_WIDGETS, OPTION_FIELDS, parseEmbedOptions, shown } from '../../src/embed/options.ts';

describe('good options', () => {
  test('a guided scenario from the simulator’s address', () => {
    const { options, messages } = parseEmbedOptions('simulator', '?scenario=smtp-relay-25&step=3&mode=predict&hidenotes=1&theme=dark&height=640&id=week-2');
    expect(messages).toEqual([]);
    expect(options).toEqual({ scenario: 'smtp-relay-25', startStep: 3, mode: 'predict', hideNotes: true, theme: 'dark', height: 640, id: 'week-2' });
  });

  test('a free session on any server and port', () => {
    const { options, messages } = parseEmbedOptions('simulator', 'protocol=imap&port=993&mode=free');
    expect(messages).toEqual([]);
    expect(options).toEqual({ protocol: 'imap', port: 993, mode: 'free', theme: 'auto' });
  });

  test('a quiz with its count, topics and seed', () => {
    const { options, messages } = parseEmbedOptions('quiz', '?count=5&topics=port-to-protocol, reply&seed=42');
    expect(messages).toEqual([]);
    expect(options).toEqual({ count: 5, topics: ['port-to-protocol', 'reply'], seed: 42, theme: 'auto' });
  });

  test('a lesson’s quiz', () => {
    const { options, messages } = parseEmbedOptions('quiz', '?lesson=smtp&count=4&seed=7');
    expect(messages).toEqual([]);
    expect(options).toEqual({ lesson: 'smtp', count: 4, seed: 7, theme: 'auto' });
  });

  test('no options: the defaults (theme auto, nothing else set)', () => {
    for (const widget of EMBED_WIDGETS) expect(parseEmbedOptions(widget, '')).toEqual({ widget, options: { theme: 'auto' }, messages: [] });
  });

  test('hidenotes=0 turns the notes back on', () => {
    expect(parseEmbedOptions('simulator', '?hidenotes=0').options.hideNotes).toBe(false);
    expect(parseEmbedOptions('simulator', '?hidenotes').options.hideNotes).toBe(true);
  });
});

describe('bad options: a message each, and the default', () => {
  test.each([
    ['port=99999', 'The option “port” is “99999”, which is not a port number, 1 to 65535; the default is used.'],
    ['port=25x', 'The option “port” is “25x”, which is not a port number, 1 to 65535; the default is used.'],
    ['protocol=ftp', 'The option “protocol” is “ftp”, which is not smtp, pop3 or imap; the default is used.'],
    ['theme=pink', 'The option “theme” is “pink”, which is not light, dark or auto; the default is used.'],
    ['step=-1', 'The option “step” is “-1”, which is not a whole number, 0 (the greeting) or more; the default is used.'],
    ['height=10', 'The option “height” is “10”, which is not pixels, 200 to 4000; the default is used.'],
  ])('%s', (query, message) => {
    const { options, messages } = parseEmbedOptions('simulator', query);
    expect(messages).toEqual([message]);
    expect(options).toEqual({ theme: 'auto' });
  });

  test('an unknown topic rejects the list and names the topics', () => {
    const { options, messages } = parseEmbedOptions('quiz', 'topics=reply,ports');
    expect(options.topics).toBeUndefined();
    expect(messages[0]).toMatch(/^The option “topics” is “reply,ports”, which is not topic ids separated by commas: port-to-protocol,/);
  });

  test('an unknown lesson is named, with the lessons there are, and the whole quiz is used', () => {
    const { options, messages } = parseEmbedOptions('quiz', 'lesson=exchange2');
    expect(options.lesson).toBeUndefined();
    expect(messages[0]).toMatch(/^The option “lesson” is “exchange2”, which is not a lesson id: travel, transcripts, smtp,/);
  });

  test('unknown, repeated and misplaced options are named and ignored', () => {
    const { options, messages } = parseEmbedOptions('quiz', 'colour=red&count=3&count=4&scenario=smtp-relay-25');
    expect(options).toEqual({ count: 3, theme: 'auto' });
    expect(messages).toEqual([
      expect.stringMatching(/^Unknown option “colour” ignored\. Known options: scenario, protocol, port,/),
      'The option “count” is given more than once; the first one is used.',
      'The option “scenario” does not apply to the port and encryption quiz; ignored.',
    ]);
  });

  test('a scenario decides its server and port; a guided mode needs a scenario', () => {
    expect(parseEmbedOptions('simulator', 'scenario=imap-idle&protocol=smtp&port=25')).toMatchObject({
      options: { scenario: 'imap-idle', theme: 'auto' },
      messages: ['A scenario decides its own server: the option “protocol” is ignored.', 'A scenario decides its own port: the option “port” is ignored.'],
    });
    expect(parseEmbedOptions('simulator', 'mode=predict&protocol=pop3')).toMatchObject({
      options: { protocol: 'pop3', theme: 'auto' },
      messages: ['The mode “predict” needs a scenario: a free session opens instead.'],
    });
  });

  test('markup in a value is never quoted as markup', () => {
    const { messages } = parseEmbedOptions('simulator', `scenario=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(messages).toEqual(['The option “scenario” is “?img src?x onerror?alert?1??”, which is not a scenario id, e.g. smtp-relay-25; the default is used.']);
  });

  test('shown() cuts long text at 40 characters', () => {
    expect(shown('a'.repeat(50))).toBe(`${'a'.repeat(40)}…`);
  });

  test('at most 50 parameters are read', () => {
    const { messages } = parseEmbedOptions('ports', Array.from({ length: 60 }, (_, i) => `x${i}=1`).join('&'));
    expect(messages[0]).toBe('The address has 60 options; only the first 50 are read.');
    expect(messages).toHaveLength(51);
  });
});

describe('properties', () => {
  const names = [...OPTION_FIELDS.map((f) => f.param), 'x', '<b>', ''];
  const query = fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ unit: 'binary' })), { maxLength: 12 });

  test('random query strings never throw, never produce markup, and give options of the right types', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EMBED_WIDGETS), fc.oneof(fc.string({ unit: 'binary' }), query.map((q) => new URLSearchParams(q).toString())), (widget, search) => {
        const { options, messages } = parseEmbedOptions(widget, search);
        for (const m of messages) expect(m).not.toMatch(/[<>&"'`=]/);
        expect(['light', 'dark', 'auto']).toContain(options.theme);
        if (options.port !== undefined) expect(Number.isInteger(options.port) && options.port >= 1 && options.port <= 65535).toBe(true);
        if (options.id !== undefined) expect(options.id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
        if (options.scenario !== undefined) expect(options.scenario).toMatch(/^[a-z0-9-]+$/);
      }),
      { numRuns: 500 },
    );
  });
});
