import type { Suggestion } from '../src/api';
import { describe, expect, it } from 'vitest';
import { enterLabels, formatConfidence, initialSelection, modelName } from '../src/suggestions';

const suggestion = (label_ids: number[], confidence: number | null = 0.934): Suggestion => ({
  annotation_id: 7,
  author: 'model:linear@3',
  label_ids,
  labels: label_ids.map((id) => `l${id}`),
  confidence,
});

describe('suggestions', () => {
  it('formats confidence as a whole percentage and leaves it out when missing', () => {
    expect(formatConfidence(0.934)).toBe('93%');
    expect(formatConfidence(1)).toBe('100%');
    expect(formatConfidence(null)).toBe('');
    expect(formatConfidence(undefined)).toBe('');
  });

  it('shows the model version without its kind prefix', () => {
    expect(modelName('model:linear@3')).toBe('linear@3');
    expect(modelName('bert')).toBe('bert');
  });

  it('pre-toggles suggested labels only in multi-label projects', () => {
    expect(initialSelection(suggestion([2, 5]), true)).toEqual([2, 5]);
    expect(initialSelection(suggestion([2]), false)).toEqual([]);
    expect(initialSelection(null, true)).toEqual([]);
  });

  it('lets Enter submit the suggestion in single-label projects and the toggled set in multi-label ones', () => {
    expect(enterLabels(suggestion([2]), false, [])).toEqual([2]);
    expect(enterLabels(null, false, [])).toBeNull();
    expect(enterLabels(suggestion([2, 5]), true, [5])).toEqual([5]);
  });
});
