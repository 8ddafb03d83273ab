import { describe, expect, it } from 'vitest';
import { adjudicationAction, afterDecision, disagreement, rateWithInterval, stillOpen } from '../src/adjudication';
import type { AdjudicationItem, LabelInfo } from '../src/api';

const ham: LabelInfo = { id: 1, name: 'ham', path: 'ham' };
const spam: LabelInfo = { id: 2, name: 'spam', path: 'spam' };
const byKey = new Map([
  ['1', ham],
  ['2', spam],
]);
const item = { item_id: 7, consensus_label_id: 2 } as AdjudicationItem;

describe('adjudicationAction', () => {
  it('decides by label key, takes the consensus on Enter and skips on s', () => {
    expect(adjudicationAction('1', item, byKey)).toEqual({ kind: 'decide', labelId: 1 });
    expect(adjudicationAction('Enter', item, byKey)).toEqual({ kind: 'decide', labelId: 2 });
    expect(adjudicationAction('s', item, byKey)).toEqual({ kind: 'skip' });
    expect(adjudicationAction('x', item, byKey)).toBeNull();
  });
});

describe('afterDecision', () => {
  it('keeps the slot, or moves to the last item', () => {
    expect(afterDecision(['a', 'b', 'c'], 1)).toEqual({ items: ['a', 'c'], index: 1 });
    expect(afterDecision(['a', 'b'], 1)).toEqual({ items: ['a'], index: 0 });
    expect(afterDecision(['a'], 0)).toEqual({ items: [], index: 0 });
  });
});

describe('stillOpen', () => {
  it('leaves out what this page already decided', () => {
    expect(stillOpen([{ item_id: 1 }, { item_id: 2 }], new Set([1]))).toEqual([{ item_id: 2 }]);
  });
});

describe('disagreement and rateWithInterval', () => {
  it('scales entropy by its maximum and prints rates with intervals', () => {
    expect(disagreement(Math.log(2), 2)).toBeCloseTo(1);
    expect(disagreement(0, 3)).toBe(0);
    expect(disagreement(1, 1)).toBe(0);
    expect(rateWithInterval(0.9167, [0.646, 0.985])).toBe('92% (65–99%)');
    expect(rateWithInterval(0.5, null)).toBe('50%');
    expect(rateWithInterval(null, null)).toBe('–');
  });
});
