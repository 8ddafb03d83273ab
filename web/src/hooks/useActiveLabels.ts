import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type LabelInfo } from '../api';
import { activeLabels, assignHotkeys, keysByLabel } from '../hotkeys';

/**
 * The project's labels a person can pick (deprecated and merged ones left out) with their keyboard keys: what the
 * annotate page and the review panel both show and listen to.
 */
export function useActiveLabels(projectId: number, onError: (message: string) => void) {
  const [labels, setLabels] = useState<LabelInfo[]>([]);
  useEffect(() => {
    api.labels(projectId).then(
      (all) => setLabels(activeLabels(all)),
      (e) => onError(String(e)),
    );
  }, [projectId]);
  const byKey = useMemo(() => assignHotkeys(labels), [labels]);
  const keyOf = useMemo(() => keysByLabel(byKey), [byKey]);
  return { labels, byKey, keyOf };
}
