import type { LabelInfo, Suspect } from './api';
import { findLabel } from './labelPath';

/** A reviewer's decision: keep the given label, fix it to other labels, or leave the item for later. */
export type ReviewAction = { kind: 'keep' } | { kind: 'fix'; labelIds: number[] } | { kind: 'skip' };

/** Suspects name labels by reference: the bare name, or the path where several labels share the name. */
const byName = (labels: LabelInfo[], reference: string) => findLabel(labels, reference);

/**
 * Maps a key to a decision on `suspect`: the key of the given label keeps it, another label's key fixes it to that
 * label, Enter takes the suggested label, `s` skips; anything else is not a review key (null).
 */
export function reviewAction(key: string, suspect: Suspect, byKey: Map<string, LabelInfo>, labels: LabelInfo[]): ReviewAction | null {
  if (key === 's') return { kind: 'skip' };
  const given = byName(labels, suspect.given);
  const target = key === 'Enter' ? byName(labels, suspect.suggested) : byKey.get(key);
  if (!target) return null;
  return given && target.id === given.id ? { kind: 'keep' } : { kind: 'fix', labelIds: [target.id] };
}

/** The suspects left after one is reviewed, and the index to show next (the same slot, or the last one). */
export function afterReview(suspects: Suspect[], index: number): { suspects: Suspect[]; index: number } {
  const rest = suspects.filter((_, i) => i !== index);
  return { suspects: rest, index: Math.min(index, Math.max(0, rest.length - 1)) };
}
