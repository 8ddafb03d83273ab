import type { LabelInfo } from '../src/api';
import { describe, expect, it } from 'vitest';
import { displayPath, displayReference, findLabel, joinEscaped, labelRef, matchLabel, splitEscaped, splitLabelList } from '../src/labelPath';

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

describe('names shared under different parents', () => {
  // The server's SharedNameTaxonomy, trimmed: "Other" three times, "Sci/Tech" twice and also the path of Sci › Tech.
  const labels: LabelInfo[] = [
    { id: 1, name: 'Animals', path: 'Animals' },
    { id: 2, name: 'Plants', path: 'Plants' },
    { id: 3, name: 'Other', path: 'Other' },
    { id: 4, name: 'Other', path: 'Animals/Other' },
    { id: 5, name: 'Other', path: 'Plants/Other' },
    { id: 6, name: 'Plants/Other', path: 'Plants\\/Other' },
    { id: 7, name: 'Sci/Tech', path: 'Sci\\/Tech' },
    { id: 8, name: 'Sci/Tech', path: 'Animals/Sci\\/Tech' },
    { id: 9, name: 'Sci', path: 'Sci' },
    { id: 10, name: 'Tech', path: 'Sci/Tech' },
    { id: 11, name: 'Other', path: 'Sci/Other', status: 'merged' },
  ];
  const ids = (m: ReturnType<typeof matchLabel>) => (m && 'candidates' in m ? m.candidates.map((l) => l.id) : null);

  it('reads a unique name, a path, or an anchored path, and calls a shared bare name ambiguous', () => {
    expect(findLabel(labels, 'tech')?.id).toBe(10);
    expect(findLabel(labels, 'animals / other')?.id).toBe(4);
    expect(findLabel(labels, '/Other')?.id).toBe(3);
    expect(findLabel(labels, 'Plants/Other')?.id).toBe(6); // a name first, then a path
    expect(findLabel(labels, '/Plants/Other')?.id).toBe(5);
    expect(findLabel(labels, 'Sci\\/Tech')?.id).toBe(7);
    expect(ids(matchLabel(labels, 'other'))).toEqual([3, 4, 5]);
    expect(ids(matchLabel(labels, 'Sci/Tech'))).toEqual([7, 8, 10]);
    expect(matchLabel(labels, 'nope')).toBeNull();
  });

  it('sends a shared bare name as typed, so the server lists the paths', () => {
    expect(labelRef(labels, ' Other ')).toBe('Other');
    expect(labelRef(labels, 'Animals/Other')).toBe('4');
  });

  it('shows references from the server by path, so shared names read apart', () => {
    expect(displayReference(labels, 'Animals/Other')).toBe('Animals › Other');
    expect(displayReference(labels, '/Plants/Other')).toBe('Plants › Other');
    expect(displayReference(labels, 'Plants/Other')).toBe('Plants/Other');
    expect(displayReference(labels, 'Other')).toBe('Other');
  });
});
