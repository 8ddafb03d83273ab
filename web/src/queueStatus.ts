import type { QueueStatus } from './api';

/** Queue orders the annotate page offers, in the order the select lists them. */
export const QUEUE_STRATEGIES = ['import-order', 'seeded-random', 'least-confidence', 'margin', 'entropy', 'diversity', 'uncertainty-diversity'] as const;

export interface QueueSummary {
  /** Short header text on the active-learning model ('' for the fixed orders). */
  model: string;
  /** Longer explanation for the tooltip. */
  detail: string;
  /** The stopping signal, when there is one. */
  stop: string | null;
  /** True when the stopping rule says more labels are unlikely to change the model. */
  stable: boolean;
}

/** What the annotate header says about the queue order and the active-learning model. */
export function summarizeQueue(s: QueueStatus): QueueSummary {
  if (!s.active_learning) return { model: '', detail: s.message, stop: null, stable: false };
  let model: string;
  if (s.retraining) model = 'retraining…';
  else if (!s.model_ready) model = 'no model yet (random order)';
  else model = `model on ${s.labels_at_last_retrain} labels, next at ${s.next_retrain_at_labels}`;
  return { model, detail: s.message, stop: s.stop_message ?? null, stable: s.should_stop };
}
