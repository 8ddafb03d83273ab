import { describe, expect, it } from 'vitest';
import { countKinds, parseWords, segments, totalBars } from '../src/privacy';

describe('parseWords', () => {
  it('takes one word per line or comma, trims, drops blanks and case-insensitive repeats', () => {
    expect(parseWords(' Ada Lovelace \n\nbabbage, ADA LOVELACE,\n  Menabrea ')).toEqual(['Ada Lovelace', 'babbage', 'Menabrea']);
    expect(parseWords('')).toEqual([]);
  });
});

describe('segments', () => {
  it('splits the text at the detections and keeps the rest as plain runs', () => {
    const text = 'mail ada@example.org or call +44 20 7946 0958.';
    const got = segments(text, [
      { kind: 'phone', start: 29, end: 45 },
      { kind: 'email', start: 5, end: 20 },
    ]);
    expect(got).toEqual([
      { text: 'mail ' },
      { text: 'ada@example.org', kind: 'email' },
      { text: ' or call ' },
      { text: '+44 20 7946 0958', kind: 'phone' },
      { text: '.' },
    ]);
    expect(got.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores empty, out-of-range and overlapping detections', () => {
    expect(segments('abc', [{ kind: 'ip', start: 1, end: 1 }])).toEqual([{ text: 'abc' }]);
    expect(segments('abc', [{ kind: 'ip', start: 2, end: 9 }])).toEqual([{ text: 'ab' }, { text: 'c', kind: 'ip' }]);
    expect(
      segments('abcdef', [
        { kind: 'ip', start: 0, end: 4 },
        { kind: 'card', start: 2, end: 5 },
      ]),
    ).toEqual([{ text: 'abcd', kind: 'ip' }, { text: 'e', kind: 'card' }, { text: 'f' }]);
    expect(segments('', [])).toEqual([]);
  });
});

describe('countKinds and totalBars', () => {
  it('counts per kind in detector order, custom last', () => {
    const d = (kind: string) => ({ kind, start: 0, end: 1 });
    expect(countKinds([d('custom'), d('ip'), d('email'), d('ip')])).toEqual([
      ['email', 1],
      ['ip', 2],
      ['custom', 1],
    ]);
  });

  it('shows every kind as a tag, scaled to the largest total', () => {
    const bars = totalBars({ email: 4, phone: 2, custom: 1 });
    expect(bars.map((b) => [b.name, b.count, b.fraction])).toEqual([
      ['[EMAIL]', 4, 1],
      ['[PHONE]', 2, 0.5],
      ['[IBAN]', 0, 0],
      ['[CARD]', 0, 0],
      ['[IP]', 0, 0],
      ['[PII]', 1, 0.25],
    ]);
    expect(totalBars({}).every((b) => b.fraction === 0)).toBe(true);
  });
});
