import { describe, expect, it } from 'vitest';
import { percent } from '../src/format';

describe('percent', () => {
  it('shows small fractions with a decimal and unknowns as a dash or what the caller asks', () => {
    expect(percent(0.8333)).toBe('83%');
    expect(percent(0.042)).toBe('4.2%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('–');
    expect(percent(Number.NaN)).toBe('–');
    expect(percent(undefined, '')).toBe('');
  });
});
