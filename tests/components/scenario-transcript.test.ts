import { describe, expect, test } from 'vitest';
import ScenarioTranscript from '../../src/components/lesson/ScenarioTranscript.astro';
import { allScenarios, partOf, protectionOf, scenarioById, stepRange, transcriptLine, transcriptView } from '../../src/components/lesson/scenario-transcript.ts';
import { blockedScenario } from '../machines/scenario-player.fixture.ts';
import { renderToDom, text } from './render.ts';

/** The code block's lines as plain text, one per Expressive Code line. */
function codeLines(item: Element): string[] {
  return [...item.querySelectorAll('pre .ec-line')].map((line) => line.textContent ?? '');
}

describe('transcriptLine', () => {
  test('writes client and server lines with C: and S: and events in brackets', () => {
    expect(transcriptLine({ kind: 'client', text: 'EHLO laptop', encrypted: false })).toBe('C: EHLO laptop');
    expect(transcriptLine({ kind: 'server', text: '250 2.1.0 Ok', encrypted: true })).toBe('S: 250 2.1.0 Ok');
    expect(transcriptLine({ kind: 'event', event: 'closed', text: 'Connection closed' })).toBe('[Connection closed]');
  });

  test('writes an empty line as a bare prefix', () => {
    expect(transcriptLine({ kind: 'client', text: '', encrypted: true })).toBe('C:');
  });
});

describe('protectionOf', () => {
  test('tells encrypted, plain, mixed and event-only blocks apart', () => {
    expect(protectionOf([{ kind: 'client', text: 'a', encrypted: true }, { kind: 'event', event: 'closed', text: 'x' }])).toBe('encrypted');
    expect(protectionOf([{ kind: 'client', text: 'STARTTLS', encrypted: false }, { kind: 'event', event: 'tls', text: 'x' }])).toBe('plain');
    expect(protectionOf([{ kind: 'client', text: 'a', encrypted: false }, { kind: 'server', text: 'b', encrypted: true }])).toBe('mixed');
    expect(protectionOf([{ kind: 'event', event: 'closed', text: 'x' }])).toBe('none');
  });
});

describe('transcriptView', () => {
  test('opens with the connection and greeting, then one block per step', () => {
    const view = transcriptView(scenarioById('smtp-submission-587'));
    expect(view.blocks.map((b) => b.label)).toEqual(['Greeting', ...Array.from({ length: 11 }, (_, i) => `Step ${i + 1}`)]);
    expect(view.blocks[0]!.code.split('\n')[0]).toBe('[Connection to port 587]');
    expect(view.blocks[3]!.anchor).toBe('smtp-submission-587-step-3');
  });

  test('says what happened in event steps before what the session showed', () => {
    const idle = transcriptView(scenarioById('imap-idle'));
    expect(idle.blocks[4]!.code.split('\n')[0]).toBe('[Meanwhile, a message from carol@sender.example to bob@example.test is delivered: "Lunch moved to one o\'clock"]');
    const dropped = transcriptView(scenarioById('pop3-dropped-connection'));
    expect(dropped.blocks[5]!.code.split('\n')[0]).toBe('[New connection to port 995]');
  });

  test('says what happened at a blocked port, a reconnect to another port and a timeout, with no server line for the silence', () => {
    const view = transcriptView(blockedScenario);
    expect(view.blocks[0]!.label).toBe('Connection attempt');
    expect(view.blocks[0]!.code.split('\n')).toEqual(['[Connection attempt to port 25]', expect.stringMatching(/^\[No answer on port 25: .*no server said anything\. /)]);
    expect(view.blocks[0]!.protection).toBe('none');
    expect(view.blocks[1]!.code.split('\n')).toEqual(['[New connection to port 587]', 'S: 220 mail.example.test ESMTP Mailwire']);
    expect(view.blocks[3]!.code.split('\n')).toEqual([
      "[The client sends nothing and the server's idle timer runs out]",
      'S: 421 4.4.2 mail.example.test Error: timeout exceeded',
      '[Connection closed]',
    ]);
    expect(view.blocks[4]!.code.split('\n')[0]).toBe('[Connection attempt to port 25]');
    expect(view.blocks[4]!.code).not.toMatch(/^S:/m);
    expect(view.blocks[5]!.code.split('\n')[0]).toBe('[New connection to port 465]');
  });

  test('fails the build when a step no longer gets its expected code', () => {
    const broken = { ...scenarioById('smtp-mistakes'), id: 'smtp-broken' };
    broken.steps = broken.steps.map((s, i) => (i === 1 ? { ...s, expect: '250' } : s));
    expect(() => transcriptView(broken)).toThrow('scenario smtp-broken step 2: expected 250, the engine gave 503');
  });

  test('lists every scenario file, in learning order', () => {
    expect(allScenarios.slice(0, 2).map((s) => s.id)).toEqual(['smtp-submission-587', 'smtp-submission-465']);
    // The course's own servers first, IMAP IDLE last among them; Exchange Online's scenarios follow, as its lesson does.
    expect(allScenarios.slice(-4).map((s) => s.id)).toEqual(['imap-idle', 'imap-exchange-online-oauth', 'smtp-exchange-online-oauth', 'imap-exchange-online-read']);
  });
});

describe('stepRange', () => {
  const scenario = scenarioById('smtp-submission-587');

  test('reads one step or a range, counted from 1', () => {
    expect(stepRange('3', scenario)).toEqual({ first: 3, last: 3 });
    expect(stepRange('2-5', scenario)).toEqual({ first: 2, last: 5 });
    expect(stepRange(' 1 - 11 ', scenario)).toEqual({ first: 1, last: 11 });
  });

  test.each([
    ['0', 'this scenario has steps 1 to 11'],
    ['2-12', 'this scenario has steps 1 to 11'],
    ['5-2', 'the range runs backwards'],
    ['two', 'steps must be one step ("3") or a range ("2-5"), counted from 1'],
    ['2,5', 'steps must be one step'],
    ['', 'steps must be one step'],
  ])('rejects steps="%s" with a message naming the component and scenario', (spec, message) => {
    expect(() => stepRange(spec, scenario)).toThrow(`<ScenarioTranscript id="smtp-submission-587" steps="${spec}">: ${message}`);
  });

  test('partOf keeps the blocks of those steps only', () => {
    const part = partOf(transcriptView(scenario), { first: 2, last: 4 });
    expect(part.map((b) => b.label)).toEqual(['Step 2', 'Step 3', 'Step 4']);
  });
});

describe('ScenarioTranscript', () => {
  test('renders the greeting and every step as an ordered list with notes', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'smtp-submission-587' });
    const items = [...doc.querySelectorAll('ol.mw-transcript-steps > li')];
    expect(items).toHaveLength(12);
    expect(text(items[0]!.querySelector('.mw-transcript-label'))).toBe('Greeting');
    expect(text(items[2]!.querySelector('.mw-transcript-note'))).toBe(scenarioById('smtp-submission-587').steps[1]!.note);
    expect(codeLines(items[2]!)).toEqual(['C: MAIL FROM:<alice@example.test>', 'S: 530 5.7.0 Must issue a STARTTLS command first']);
  });

  test('highlights each block with the protocol\'s transcript grammar', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'pop3-rset' });
    const blocks = [...doc.querySelectorAll('pre')];
    expect(blocks).toHaveLength(10);
    expect(blocks.every((pre) => pre.getAttribute('data-language') === 'pop3')).toBe(true);
    // The grammar colours tokens: the status word sits in its own coloured span.
    const spans = [...blocks[3]!.querySelectorAll('span')].map((s) => s.textContent);
    expect(spans).toContain('+OK');
  });

  test('marks the TLS upgrade and which steps travelled encrypted', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'smtp-submission-587' });
    const items = [...doc.querySelectorAll('ol.mw-transcript-steps > li')];
    expect(codeLines(items[3]!).at(-1)).toMatch(/^\[TLS handshake/);
    expect(text(items[3]!.querySelector('.mw-transcript-badge'))).toBe('Not encrypted');
    expect(text(items[4]!.querySelector('.mw-transcript-badge'))).toBe('Encrypted: inside TLS');
    expect(items[4]!.getAttribute('data-protection')).toBe('encrypted');
  });

  test('shows message text in full, dot-stuffed lines and empty lines included', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'smtp-submission-587' });
    const lines = codeLines(doc.querySelector('#smtp-submission-587-step-9')!);
    expect(lines).toHaveLength(12);
    expect(lines[5]).toBe('C:');
    expect(lines[9]).toBe('C: ....or eleven, if the trains are late.');
  });

  test('uses the heading level it is given', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'imap-idle', headingLevel: 3 });
    expect(text(doc.querySelector('h3#imap-idle-transcript'))).toBe('Annotated transcript');
    expect(doc.querySelector('section')?.getAttribute('aria-labelledby')).toBe('imap-idle-transcript');
  });

  test('fails the build with the list of scenarios for an unknown id', async () => {
    await expect(renderToDom(ScenarioTranscript, { id: 'smtp-nope' })).rejects.toThrow(/<ScenarioTranscript> has no scenario "smtp-nope"; scenarios: smtp-submission-587, /);
  });

  test('ships no script of its own: only Expressive Code\'s copy-button module', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'imap-idle' });
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.every((s) => /\/ec\.[^/]+\.js$/.test(s.getAttribute('src') ?? ''))).toBe(true);
    expect(doc.body.innerHTML).not.toMatch(/shiki/i);
  });

  test('renders only the steps asked for, says it is a part and links to the whole scenario', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'smtp-submission-587', steps: '2-5' });
    const items = [...doc.querySelectorAll('ol.mw-transcript-steps > li')];
    expect(items.map((li) => text(li.querySelector('.mw-transcript-label')))).toEqual(['Step 2', 'Step 3', 'Step 4', 'Step 5']);
    expect(codeLines(items[0]!)).toEqual(['C: MAIL FROM:<alice@example.test>', 'S: 530 5.7.0 Must issue a STARTTLS command first']);
    expect(text(doc.querySelector('h2'))).toBe('Annotated transcript, steps 2 to 5');
    const part = doc.querySelector('.mw-transcript-part');
    expect(text(part)).toBe('This is a part of the scenario “Sending a message on the submission port 587”: steps 2 to 5 of 11. The lines before it are left out. See the whole scenario.');
    expect(part?.querySelector('a')?.getAttribute('href')).toBe('/scenarios/smtp-submission-587/');
    expect(doc.querySelector('section')?.getAttribute('data-steps')).toBe('2-5');
    // Its own anchors, so the part and the whole transcript can share a page.
    expect(items[0]!.id).toBe('smtp-submission-587-steps-2-5-step-2');
    expect(doc.querySelector('section')?.getAttribute('aria-labelledby')).toBe('smtp-submission-587-steps-2-5-transcript');
  });

  test('renders a single step', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'smtp-submission-587', steps: '3' });
    expect([...doc.querySelectorAll('ol.mw-transcript-steps > li')]).toHaveLength(1);
    expect(text(doc.querySelector('h2'))).toBe('Annotated transcript, step 3');
    expect(text(doc.querySelector('.mw-transcript-part'))).toContain(': step 3 of 11.');
  });

  test('fails the build with a clear message for a bad range', async () => {
    await expect(renderToDom(ScenarioTranscript, { id: 'smtp-submission-587', steps: '9-20' })).rejects.toThrow(
      '<ScenarioTranscript id="smtp-submission-587" steps="9-20">: this scenario has steps 1 to 11',
    );
  });

  test('says nothing about parts when it shows the whole scenario', async () => {
    const doc = await renderToDom(ScenarioTranscript, { id: 'pop3-rset' });
    expect(doc.querySelector('.mw-transcript-part')).toBeNull();
    expect(doc.querySelector('section')?.hasAttribute('data-steps')).toBe(false);
  });
});
