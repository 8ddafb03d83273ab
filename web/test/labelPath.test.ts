import type { LabelInfo } from '../src/api';
import { describe, expect, it } from 'vitest';
import { displayPath, joinEscaped, labelRef, splitEscaped, splitLabelList } from '../src/labelPath';

const AWKWARD = ['Sci/Tech', 'N/A', 'Health, Fitness', 'the "best"', 'C:\\temp', 'ends\\', 'pipe|line', '🚀 launch', '体育', 'رياضة'];

describe('label path syntax', () => {
  it('round-trips awkward names through each separator', () => {
    for (const sep of ['/', ',', '|']) expect(splitEscaped(joinEscaped(AWKWARD, sep), sep)).toEqual(AWKWARD);
  });

  it('reads the same escapes as the server', () => {
    expect(splitLabelList('World, Sports,,Sci/Tech, Health\\, Fitness ')).toEqual(['World', 'Sports', 'Sci/Tech', 'Health, Fitness']);
    expect(splitEscaped('Science/Sci\\/Tech', '/')).toEqual(['Science', 'Sci/Tech']);
    expect(splitEscaped('C:\\temp', ',')).toEqual(['C:\\temp']);
    expect(joinEscaped(['Sci/Tech'], '/')).toBe('Sci\\/Tech');
  });
});

describe('labelRef', () => {
  const labels: LabelInfo[] = [
    { id: 1, name: 'Sci/Tech', path: 'Sci\\/Tech' },
    { id: 2, name: 'Science', path: 'Science' },
    { id: 3, name: 'Tech', path: 'Science/Tech' },
    { id: 4, name: 'old', path: 'old', status: 'merged' },
  ];
  it('finds a label by name first, then by path, ignoring case', () => {
    expect(labelRef(labels, 'sci/tech ')).toBe('1');
    expect(labelRef(labels, 'Sci\\/Tech')).toBe('1');
    expect(labelRef(labels, 'Science / Tech')).toBe('3');
    expect(labelRef(labels, 'old')).toBe('old');
    expect(labelRef(labels, 'nope/x')).toBe('nope/x');
  });
});

describe('displayPath', () => {
  it('shows names as written and levels with a separator no name is confused with', () => {
    expect(displayPath({ path: 'Sci\\/Tech' })).toBe('Sci/Tech');
    expect(displayPath({ path: 'Science/Sci\\/Tech/24\\/7' })).toBe('Science › Sci/Tech › 24/7');
  });
});
