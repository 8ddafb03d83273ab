import type { Suggestion } from './api';
import { percent } from './format';

/** "93%" for a confidence in [0, 1]; empty when the model gave none. */
export function formatConfidence(confidence: number | null | undefined): string {
  return percent(confidence, '');
}

/** "linear@3" from "model:linear@3": the model version, without the kind prefix. */
export function modelName(author: string): string {
  return author.startsWith('model:') ? author.slice('model:'.length) : author;
}

/**
 * What the label buttons start with when an item is shown: in multi-label projects the suggested labels are pre-toggled
 * (Enter submits them, toggling changes them), in single-label ones nothing is, since a label key submits at once.
 */
export function initialSelection(suggestion: Suggestion | null | undefined, multi: boolean): number[] {
  return multi && suggestion ? [...suggestion.label_ids] : [];
}

/** The labels Enter submits: the suggestion (single-label) or the toggled set (multi-label); null when Enter does nothing. */
export function enterLabels(suggestion: Suggestion | null | undefined, multi: boolean, selected: number[]): number[] | null {
  if (multi) return selected;
  return suggestion && suggestion.label_ids.length === 1 ? [...suggestion.label_ids] : null;
}
