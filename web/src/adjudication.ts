import type { AdjudicationItem, LabelInfo } from './api';

/** A reviewer's move on an adjudication item: decide a label, or leave the item for later. */
export type AdjudicationAction = { kind: 'decide'; labelId: number } | { kind: 'skip' };

/**
 * Maps a key to a move on `item`: a label's key decides that label, Enter takes the consensus label, `s` skips;
 * anything else is not an adjudication key (null).
 */
export function adjudicationAction(key: string, item: AdjudicationItem, byKey: Map<string, LabelInfo>): AdjudicationAction | null {
  if (key === 's') return { kind: 'skip' };
  if (key === 'Enter') return { kind: 'decide', labelId: item.consensus_label_id };
  const label = byKey.get(key);
  return label ? { kind: 'decide', labelId: label.id } : null;
}

/** The items left after one is decided, and the index to show next (the same slot, or the last one). */
export function afterDecision<T>(items: T[], index: number): { items: T[]; index: number } {
  const rest = items.filter((_, i) => i !== index);
  return { items: rest, index: Math.min(index, Math.max(0, rest.length - 1)) };
}

/**
 * Items of a freshly loaded page that are still open here: the server may not have stored a decision sent a moment
 * ago, so items this page decided stay out until the server agrees.
 */
export function stillOpen<T extends { item_id: number }>(loaded: T[], decided: ReadonlySet<number>): T[] {
  return loaded.filter((i) => !decided.has(i.item_id));
}

/** Entropy as a share of its maximum, ln K for K classes: 0 all agree, 1 a coin toss. */
export function disagreement(entropy: number, classes: number): number {
  return classes < 2 ? 0 : Math.min(1, entropy / Math.log(classes));
}

/** "92% (81–97%)": a rate with its 95% interval, or "–" without one. */
export function rateWithInterval(rate: number | null | undefined, ci: readonly number[] | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  const p = (v: number) => `${Math.round(v * 100)}`;
  return ci && ci.length === 2 ? `${p(rate)}% (${p(ci[0])}–${p(ci[1])}%)` : `${p(rate)}%`;
}
