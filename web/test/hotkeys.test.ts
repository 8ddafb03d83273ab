import type { LabelInfo } from '../src/api';
import { describe, expect, it } from 'vitest';
import { activeLabels, assignHotkeys, filterLabels, keysByLabel } from '../src/hotkeys';

const label = (id: number, name: string, extra: Partial<LabelInfo> = {}): LabelInfo => ({ id, name, path: name, ...extra });

describe('assignHotkeys', () => {
  it('numbers labels 1-9 then letters, skipping reserved keys', () => {
    const labels = Array.from({ length: 14 }, (_, i) => label(i + 1, `l${i + 1}`));
    const keys = keysByLabel(assignHotkeys(labels));
    expect([...keys.values()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e']);
    expect([...keys.values()]).not.toContain('s');
  });

  it('lets a label keep its own hotkey and moves the automatic ones around it', () => {
    const keys = keysByLabel(assignHotkeys([label(1, 'ham'), label(2, 'spam', { hotkey: '1' }), label(3, 'promo', { hotkey: 'P' })]));
    expect(keys.get(2)).toBe('1');
    expect(keys.get(3)).toBe('p');
    expect(keys.get(1)).toBe('2');
  });

  it('ignores overrides that are reserved, too long or taken', () => {
    const keys = keysByLabel(
      assignHotkeys([label(1, 'a', { hotkey: 's' }), label(2, 'b', { hotkey: 'xy' }), label(3, 'c', { hotkey: 'q' }), label(4, 'd', { hotkey: 'q' })]),
    );
    expect(keys.get(1)).toBe('1');
    expect(keys.get(2)).toBe('2');
    expect(keys.get(3)).toBe('q');
    expect(keys.get(4)).toBe('3');
  });

  it('leaves labels beyond the available keys to the filter box', () => {
    const labels = Array.from({ length: 60 }, (_, i) => label(i + 1, `l${i + 1}`));
    expect(assignHotkeys(labels).size).toBe(33);
  });
});

describe('filterLabels', () => {
  const labels = [
    label(1, 'billing', { path: 'support/billing', description: 'invoices and refunds' }),
    label(2, 'bug', { path: 'support/bug' }),
    label(3, 'refund-fraud', { path: 'risk/refund-fraud' }),
  ];

  it('matches name, path and description, name prefixes first', () => {
    expect(filterLabels(labels, 'refund').map((l) => l.id)).toEqual([3, 1]);
    expect(filterLabels(labels, 'support').map((l) => l.id)).toEqual([1, 2]);
    expect(filterLabels(labels, 'support invoices').map((l) => l.id)).toEqual([1]);
  });

  it('returns everything for an empty query and nothing for a miss', () => {
    expect(filterLabels(labels, '  ')).toHaveLength(3);
    expect(filterLabels(labels, 'zebra')).toHaveLength(0);
  });
});

describe('activeLabels', () => {
  it('leaves out deprecated and merged labels and keeps the order', () => {
    const all: LabelInfo[] = [
      { id: 1, name: 'a', path: 'a', status: 'active' },
      { id: 2, name: 'b', path: 'b', status: 'deprecated' },
      { id: 3, name: 'c', path: 'c', status: 'merged' },
      { id: 4, name: 'd', path: 'd' },
    ];
    expect(activeLabels(all).map((l) => l.id)).toEqual([1, 4]);
  });
});
