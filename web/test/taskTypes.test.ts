import { describe, expect, it } from 'vitest';
import { TASK_TYPES, labelsWholeItems } from '../src/taskTypes';

describe('task types', () => {
  it('lists the four types the server creates, classification first', () => {
    expect(TASK_TYPES.map((t) => t.value)).toEqual(['text-classification', 'text-spans', 'image-classification', 'image-objects']);
  });

  it('offers several labels per item only where items get whole labels', () => {
    expect(TASK_TYPES.filter((t) => labelsWholeItems(t.value)).map((t) => t.value)).toEqual(['text-classification', 'image-classification']);
  });
});
