import { describe, expect, it } from 'vitest';
import { deleteAt, labelRange, moveSelection, segments, selectionRange, snapToTokens, spanCovering, tokenAt, toSubmission } from '../src/spans';

// "Ada Lovelace visited New York ."
const tokens = [
  [0, 3],
  [4, 12],
  [13, 20],
  [21, 24],
  [25, 29],
  [30, 31],
];

describe('token selection', () => {
  it('moves by token, extends with the anchor kept and stops at the ends', () => {
    let sel = moveSelection(null, 1, false, tokens.length);
    expect(sel).toEqual({ anchor: 0, cursor: 0 });
    sel = moveSelection(sel, 1, true, tokens.length);
    expect(selectionRange(tokens, sel!)).toEqual([0, 12]);
    sel = moveSelection({ anchor: 5, cursor: 5 }, 1, false, tokens.length);
    expect(sel).toEqual({ anchor: 5, cursor: 5 });
    expect(selectionRange(tokens, { anchor: 4, cursor: 3 })).toEqual([21, 29]);
  });

  it('snaps a mouse range to the whole tokens it touches', () => {
    expect(snapToTokens(tokens, 22, 27)).toEqual({ anchor: 3, cursor: 4 });
    expect(snapToTokens(tokens, 3, 4)).toBeNull();
    expect(snapToTokens(tokens, 5, 5)).toEqual({ anchor: 1, cursor: 1 });
    expect(tokenAt(tokens, 3)).toBe(1);
  });
});

describe('span edits', () => {
  it('labels a range, relabels the same range and replaces overlapped spans unless overlaps are allowed', () => {
    let spans = labelRange([], 21, 29, 2, false);
    spans = labelRange(spans, 0, 12, 1, false);
    expect(toSubmission(spans)).toEqual([
      { start: 0, end: 12, label_id: 1 },
      { start: 21, end: 29, label_id: 2 },
    ]);
    expect(labelRange(spans, 21, 29, 3, false).map((s) => s.label_id)).toEqual([1, 3]);
    expect(labelRange(spans, 25, 29, 2, false).map((s) => [s.start, s.end])).toEqual([
      [0, 12],
      [25, 29],
    ]);
    expect(labelRange(spans, 25, 29, 2, true)).toHaveLength(3);
  });

  it('deletes the spans on a token and finds the innermost covering span', () => {
    const spans = labelRange(labelRange([], 21, 29, 2, true), 25, 29, 1, true);
    expect(spanCovering(spans, 25, 29)?.label_id).toBe(1);
    expect(spanCovering(spans, 21, 24)?.label_id).toBe(2);
    expect(deleteAt(spans, 0, 3)).toHaveLength(2);
    expect(deleteAt(spans, 25, 29)).toEqual([]);
  });

  it('cuts the text into tokens and gaps covering every character once', () => {
    const text = 'Ada Lovelace visited New York .';
    const parts = segments(text, tokens);
    expect(parts.map((p) => text.slice(p.start, p.end)).join('')).toBe(text);
    expect(parts.filter((p) => p.token !== undefined)).toHaveLength(6);
  });
});
