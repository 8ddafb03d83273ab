import type { LabelInfo, Suspect } from '../src/api';
import { describe, expect, it } from 'vitest';
import { assignHotkeys } from '../src/hotkeys';
import { afterReview, reviewAction } from '../src/labelErrors';

const labels: LabelInfo[] = [
  { id: 1, name: 'ham', path: 'ham' },
  { id: 2, name: 'spam', path: 'spam' },
  { id: 3, name: 'promo', path: 'promo' },
];
const byKey = assignHotkeys(labels);
const suspect = (item_id: number, given = 'ham', suggested = 'spam'): Suspect => ({
  rank: item_id,
  item_id,
  text: `text ${item_id}`,
  given,
  suggested,
  quality: 0.1,
  given_annotation_id: 100 + item_id,
  given_author: 'alice',
  suggested_probability: 0.9,
});

describe('reviewAction', () => {
  it('keeps the label when the key of the given label is pressed', () => {
    expect(reviewAction('1', suspect(1), byKey, labels)).toEqual({ kind: 'keep' });
  });

  it('fixes to another label by its key, or to the suggestion with Enter', () => {
    expect(reviewAction('3', suspect(1), byKey, labels)).toEqual({ kind: 'fix', labelIds: [3] });
    expect(reviewAction('Enter', suspect(1), byKey, labels)).toEqual({ kind: 'fix', labelIds: [2] });
  });

  it('skips with s and ignores keys that are not review keys', () => {
    expect(reviewAction('s', suspect(1), byKey, labels)).toEqual({ kind: 'skip' });
    expect(reviewAction('x', suspect(1), byKey, labels)).toBeNull();
  });
});

describe('reviewAction with names shared under different parents', () => {
  const shared: LabelInfo[] = [
    { id: 1, name: 'Animals', path: 'Animals' },
    { id: 2, name: 'Other', path: 'Animals/Other' },
    { id: 3, name: 'Other', path: 'Other' },
  ];
  const keys = assignHotkeys(shared);
  it('finds the given and suggested labels by the references the server sends', () => {
    expect(reviewAction('2', suspect(1, 'Animals/Other', '/Other'), keys, shared)).toEqual({ kind: 'keep' });
    expect(reviewAction('Enter', suspect(1, 'Animals/Other', '/Other'), keys, shared)).toEqual({ kind: 'fix', labelIds: [3] });
  });
});

describe('afterReview', () => {
  it('drops the reviewed suspect and stays in the same slot, or moves to the last one', () => {
    const list = [suspect(1), suspect(2), suspect(3)];
    expect(afterReview(list, 1)).toEqual({ suspects: [list[0], list[2]], index: 1 });
    expect(afterReview(list, 2)).toEqual({ suspects: [list[0], list[1]], index: 1 });
    expect(afterReview([list[0]], 0)).toEqual({ suspects: [], index: 0 });
  });
});
