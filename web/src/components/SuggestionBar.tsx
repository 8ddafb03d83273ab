import type { Suggestion } from '../api';
import { formatConfidence, modelName } from '../suggestions';

/** The model's pre-label under the item: what it suggests, how sure it is, which model version, and the key that accepts it. */
export function SuggestionBar({ suggestion, multi }: { suggestion: Suggestion; multi: boolean }) {
  const confidence = formatConfidence(suggestion.confidence);
  return (
    <div class="suggestion" data-testid="suggestion" data-annotation-id={suggestion.annotation_id}>
      <span class="suggestion-tag">Model suggests</span>
      <strong class="suggestion-labels">{suggestion.labels.length > 0 ? suggestion.labels.join(', ') : 'no label'}</strong>
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
