/** The embed events' shape, the DOM events they come from, and the filter on messages from the host page. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromDomEvent } from '../../src/embed/dom-events.ts';
import { embedEvent, EVENT_TYPES, readHostMessage } from '../../src/embed/events.ts';

describe('events to the host', () => {
  test('every event carries source, version, type, widget and id', () => {
    expect(embedEvent('quiz-result', 'quiz', 'week-2', { score: 3, max: 4, round: 1 })).toEqual({
      source: 'mailwire', version: 1, type: 'quiz-result', widget: 'quiz', id: 'week-2', score: 3, max: 4, round: 1,
    });
    expect(EVENT_TYPES).toEqual(['ready', 'resize', 'step', 'scenario-complete', 'prediction', 'quiz-result']);
  });

  test('the widgets’ DOM events become embed payloads, copying only the known fields', () => {
    expect(fromDomEvent('mailwire:step', { scenario: 'pop3-rset', step: 2, steps: 7, extra: '<b>' })).toEqual({ type: 'step', payload: { scenario: 'pop3-rset', step: 2, steps: 7 } });
    expect(fromDomEvent('mailwire:scenario-complete', { scenario: 'pop3-rset', steps: 7 })).toEqual({ type: 'scenario-complete', payload: { scenario: 'pop3-rset', steps: 7 } });
    expect(fromDomEvent('mailwire:prediction', { scenario: 'smtp-relay-25', step: 1, right: false })).toEqual({ type: 'prediction', payload: { scenario: 'smtp-relay-25', step: 1, right: false } });
    expect(fromDomEvent('mailwire:quiz-result', { id: 'q', score: 2, max: 4, round: 1, topics: [] })).toEqual({ type: 'quiz-result', payload: { score: 2, max: 4, round: 1 } });
  });

  test('a detail of the wrong shape gives nothing', () => {
    expect(fromDomEvent('mailwire:step', { scenario: '<img>', step: 1, steps: 2 })).toBeUndefined();
    expect(fromDomEvent('mailwire:quiz-result', { score: '3', max: 4, round: 1 })).toBeUndefined();
    expect(fromDomEvent('mailwire:prediction', { scenario: 'a', step: 1, right: 'yes' })).toBeUndefined();
    expect(fromDomEvent('mailwire:other', { scenario: 'a' })).toBeUndefined();
    expect(fromDomEvent('mailwire:step', null)).toBeUndefined();
  });
});

describe('messages from the host', () => {
  test('the documented shapes are accepted', () => {
    expect(readHostMessage({ source: 'mailwire-host', version: 1, type: 'set-theme', theme: 'dark' })).toEqual({ source: 'mailwire-host', version: 1, type: 'set-theme', theme: 'dark' });
    expect(readHostMessage({ source: 'mailwire-host', version: 1, type: 'request-size' })).toEqual({ source: 'mailwire-host', version: 1, type: 'request-size' });
  });

  test.each([
    ['another source', { source: 'mailwire', version: 1, type: 'set-theme', theme: 'dark' }],
    ['another version', { source: 'mailwire-host', version: 2, type: 'set-theme', theme: 'dark' }],
    ['an unknown type', { source: 'mailwire-host', version: 1, type: 'set-html', html: '<b>' }],
    ['an extra field', { source: 'mailwire-host', version: 1, type: 'set-theme', theme: 'dark', html: '<b>' }],
    ['a bad theme', { source: 'mailwire-host', version: 1, type: 'set-theme', theme: 'pink' }],
    ['a string', 'set-theme dark'],
    ['null', null],
  ])('%s is ignored', (_, data) => {
    expect(readHostMessage(data)).toBeUndefined();
  });

  test('nothing random is ever accepted, and nothing throws', () => {
    fc.assert(fc.property(fc.anything(), (data) => {
      expect(readHostMessage(data)).toBeUndefined();
    }), { numRuns: 500 });
  });
});
