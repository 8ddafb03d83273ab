import { describe, expect, it } from 'vitest';
import type { QueueStatus } from '../src/api';
import { summarizeQueue } from '../src/queueStatus';

function status(over: Partial<QueueStatus>): QueueStatus {
  return {
    strategy: 'margin',
    active_learning: true,
    model_ready: true,
    message: 'margin ranking from the model trained on 40 labels',
    retrain_every: 20,
    batch_size: 20,
    labeled_items: 45,
    next_retrain_at_labels: 60,
    retrain_count: 2,
    labels_at_last_retrain: 40,
    last_retrain_at: '2026-11-28T09:00:00Z',
    last_duration_ms: 120,
    ranked_items: 900,
    kappa: 0.995,
    kappas: [0.99, 0.992, 0.995],
    stable_rounds: 3,
    should_stop: true,
    stop_message: 'model stable: kappa 0.99 for 3 rounds — consider stopping',
    retraining: false,
    ...over,
  };
}

describe('summarizeQueue', () => {
  it('shows the model and the stopping signal for active learning', () => {
    const s = summarizeQueue(status({}));
    expect(s.model).toBe('model on 40 labels, next at 60');
    expect(s.stop).toBe('model stable: kappa 0.99 for 3 rounds — consider stopping');
    expect(s.stable).toBe(true);
  });

  it('says when there is no model yet or a retrain is running', () => {
    expect(summarizeQueue(status({ model_ready: false, stop_message: null, should_stop: false })).model).toBe('no model yet (random order)');
    expect(summarizeQueue(status({ retraining: true })).model).toBe('retraining…');
  });

  it('says nothing about models for the fixed orders', () => {
    const s = summarizeQueue(
      status({ strategy: 'import-order', active_learning: false, model_ready: false, stop_message: null, message: 'items in import order' }),
    );
    expect(s).toEqual({ model: '', detail: 'items in import order', stop: null, stable: false });
  });
});
