import { describe, expect, test } from 'vitest';
import { ellipsize, textWidth, wrapText } from '../../src/components/diagrams/svg-text.ts';

const small = { font: 'sans', size: 12 } as const;

describe('wrapText', () => {
  test.each([40, 80, 120])('never makes a line wider than %i px, and loses no word', (max) => {
    const text = 'LOGOUT, too many bad commands, connection lost, from every state';
    const lines = wrapText(text, max, small);
    for (const l of lines) expect(textWidth(l, small)).toBeLessThanOrEqual(max);
    expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  test('breaks command lists after a comma, and a word longer than the line by hard breaks', () => {
    expect(wrapText('EHLO, HELO, RSET', 90, small)).toEqual(['EHLO, HELO,', 'RSET']);
    const lines = wrapText('mail.example.test.very.long.host', 60, small);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('mail.example.test.very.long.host');
  });
});

describe('ellipsize', () => {
  test('keeps 40 characters, the last an ellipsis, and leaves short lines alone', () => {
    const long = '530 5.7.0 Must issue a STARTTLS command first';
    expect(ellipsize(long, 40)).toBe('530 5.7.0 Must issue a STARTTLS command…');
    expect([...ellipsize(long, 40)]).toHaveLength(40);
    expect(ellipsize('250 2.1.0 Ok', 40)).toBe('250 2.1.0 Ok');
  });
});

describe('textWidth', () => {
  test('measures monospace at 0.6 em a character and bold sans wider than regular', () => {
    expect(textWidth('STARTTLS', { font: 'mono', size: 12 })).toBeCloseTo(57.6);
    expect(textWidth('Selected', { font: 'sans', size: 14, bold: true })).toBeGreaterThan(textWidth('Selected', { font: 'sans', size: 14 }));
  });
});
