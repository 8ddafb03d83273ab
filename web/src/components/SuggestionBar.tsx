import type { LabelInfo, Suggestion } from '../api';
import { displayPath } from '../labelPath';
import { formatConfidence, modelName } from '../suggestions';

/** The model's pre-label under the item: what it suggests, how sure it is, which model version, and the key that accepts it. */
export function SuggestionBar({ suggestion, multi, labels }: { suggestion: Suggestion; multi: boolean; labels: LabelInfo[] }) {
  const confidence = formatConfidence(suggestion.confidence);
  // Shown by path, so labels that share a name ("Animals › Other", "Plants › Other") read apart.
  const shown = suggestion.label_ids.map((id, i) => {
    const label = labels.find((l) => l.id === id);
    return label ? displayPath(label) : suggestion.labels[i];
  });
  return (
    <div class="suggestion" data-testid="suggestion" data-annotation-id={suggestion.annotation_id}>
      <span class="suggestion-tag">Model suggests</span>
      <strong class="suggestion-labels">{shown.length > 0 ? shown.join(', ') : 'no label'}</strong>
      {confidence && (
        <span class="confidence" title="The model's probability for this suggestion">
          <span class="confidence-bar" style={{ width: confidence }} />
          <span class="confidence-text">{confidence}</span>
        </span>
      )}
      <span class="muted suggestion-model">{modelName(suggestion.author)}</span>
      <span class="suggestion-key">
        <kbd>Enter</kbd> {multi ? 'submit' : 'accept'} · or pick another label
      </span>
    </div>
  );
}
