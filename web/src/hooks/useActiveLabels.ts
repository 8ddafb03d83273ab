import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type LabelInfo } from '../api';
import { activeLabels, assignHotkeys, keysByLabel } from '../hotkeys';

/**
 * The project's labels a person can pick (deprecated and merged ones left out) with their keyboard keys: what the
 * annotate page and the review panel both show and listen to. `loaded` turns true once they have arrived: a page shows
 * its item only then, so a key pressed at the first item is never lost to a label list that is still empty. `reserved`
 * are keys the page uses itself (a constant set: it is a dependency of the key assignment).
 */
export function useActiveLabels(projectId: number, onError: (message: string) => void, reserved?: ReadonlySet<string>) {
  const [labels, setLabels] = useState<LabelInfo[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    api.labels(projectId).then(
      (all) => {
        setLabels(activeLabels(all));
        setLoaded(true);
      },
      (e) => onError(String(e)),
    );
  }, [projectId]);
  const byKey = useMemo(() => assignHotkeys(labels, reserved), [labels, reserved]);
  const keyOf = useMemo(() => keysByLabel(byKey), [byKey]);
  return { labels, byKey, keyOf, loaded };
}
