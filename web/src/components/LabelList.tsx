import type { LabelInfo } from '../api';
import { memo } from 'preact/compat';
import { displayPath } from '../labelPath';

interface Props {
  labels: LabelInfo[];
  keyOf: Map<number, string>;
  selected: number[];
  revisiting: number[] | null;
  multi: boolean;
  suggested: number[] | undefined;
  onChoose: (label: LabelInfo) => void;
}

/**
 * The label buttons of the annotate page. Memoized: the page re-renders when a background response
 * (progress, a stored submission) arrives, and the buttons need not be diffed again then, only when
 * the item, the selection or the labels change.
 */
export const LabelList = memo(function LabelList({ labels, keyOf, selected, revisiting, multi, suggested, onChoose }: Props) {
  return (
    <ul class="label-list">
      {labels.map((l) => {
        const on = selected.includes(l.id) || (!multi && (revisiting?.includes(l.id) ?? false));
        const isSuggested = suggested?.includes(l.id) ?? false;
        return (
          <li key={l.id}>
            <button
              class={`label ${on ? 'on' : ''} ${isSuggested ? 'suggested' : ''}`}
              title={l.description ?? displayPath(l)}
              aria-pressed={on}
              onClick={() => onChoose(l)}
            >
              <kbd>{keyOf.get(l.id) ?? '/'}</kbd>
              <span>
                {l.color && <span class="swatch" style={{ background: l.color }} aria-hidden="true" />}
                {displayPath(l)}
                {isSuggested && <span class="chip">suggested</span>}
              </span>
              {l.description && <span class="desc">{l.description}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
});
