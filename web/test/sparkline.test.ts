import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../src/sparkline';

describe('sparklinePath', () => {
  it('spreads points over the width and scales from zero to the maximum', () => {
    const { line, last } = sparklinePath([0, 5, 10], 12, 12);
    expect(line).toBe('M1,11L6,6L11,1');
    expect(last).toEqual([11, 1]);
  });

  it('breaks the line at a missing week and uses a fixed domain for rates', () => {
    expect(sparklinePath([1, null, 0], 12, 12, [0, 1]).line).toBe('M1,1M11,11');
  });

  it('draws a lone value as a flat stroke and nothing without values', () => {
    expect(sparklinePath([3], 12, 12).line).toBe('M6,1M0,1L12,1');
    expect(sparklinePath([null], 12, 12)).toEqual({ line: '', last: null });
  });
});
