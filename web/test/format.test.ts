import { describe, expect, it } from 'vitest';
import { itemCount, percent } from '../src/format';

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

describe('itemCount', () => {
  it('groups digits and marks a capped search total with a plus', () => {
    expect(itemCount(3)).toBe('3');
    expect(itemCount(12345)).toBe('12,345');
    expect(itemCount(1000, true)).toBe('1,000+');
    expect(itemCount(1000, false)).toBe('1,000');
  });
});
