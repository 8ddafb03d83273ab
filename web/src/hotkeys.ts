import type { LabelInfo } from './api';

/** The labels a person can pick: deprecated and merged ones are history, not choices. */
export function activeLabels(all: LabelInfo[]): LabelInfo[] {
  return all.filter((l) => l.status !== 'deprecated' && l.status !== 'merged');
}

/** Keys the annotate page uses itself; a label can never take them. */
export const RESERVED_KEYS = new Set(['s', 'g', '?', '/']);

const AUTO_KEYS = [...'123456789', ...'abcdefhijklmnopqrtuvwxyz'];

/**
 * Assigns one key per label: a label's own hotkey wins when it is a single free character, the rest get
 * 1-9 then letters in taxonomy order. Labels left without a key (more labels than keys) are reachable with `/`.
 * A page with shortcuts of its own passes them as `reserved` (the object editor's b, p, h, ...).
 */
export function assignHotkeys(labels: LabelInfo[], reserved: ReadonlySet<string> = RESERVED_KEYS): Map<string, LabelInfo> {
  const byKey = new Map<string, LabelInfo>();
  const assigned = new Set<number>();
  for (const label of labels) {
    const key = label.hotkey?.trim().toLowerCase();
    if (key && key.length === 1 && !reserved.has(key) && !byKey.has(key)) {
      byKey.set(key, label);
      assigned.add(label.id);
    }
  }
  const free = AUTO_KEYS.filter((k) => !byKey.has(k) && !reserved.has(k));
  for (const label of labels) {
    if (assigned.has(label.id)) continue;
    const key = free.shift();
    if (!key) break;
    byKey.set(key, label);
  }
  return byKey;
}

/** The key of each label id, for display. */
export function keysByLabel(byKey: Map<string, LabelInfo>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [key, label] of byKey) out.set(label.id, key);
  return out;
}

/** Labels whose name, path or description contain every word of the query, best (name prefix) first. */
export function filterLabels(labels: LabelInfo[], query: string): LabelInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return labels;
  const hay = (l: LabelInfo) => `${l.name} ${l.path} ${l.description ?? ''}`.toLowerCase();
  const matches = labels.filter((l) => words.every((w) => hay(l).includes(w)));
  const rank = (l: LabelInfo) => (l.name.toLowerCase().startsWith(words[0]) ? 0 : l.path.toLowerCase().includes(words[0]) ? 1 : 2);
  return matches.sort((a, b) => rank(a) - rank(b));
}
