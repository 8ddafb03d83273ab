import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type LabelInfo, type ProjectDetail, type QueueItem } from '../api';
import { annotatorBars, labelBars, type Counts } from '../counts';
import { newRequestId } from '../annotator';
import { useActiveLabels } from '../hooks/useActiveLabels';
import { useKeyboard } from '../hooks/useKeyboard';
import { usePoll } from '../hooks/usePoll';
import type { PrefetchQueue } from '../prefetch';
import { useAnnotateQueue } from '../hooks/useAnnotateQueue';
import { ImagePreloader, itemMedia } from '../media';
import { afterNextPaint } from '../afterPaint';
import { markSwitchStart, measureSwitchPainted, noteSwitchWaits } from '../switchTiming';
import { enterLabels, initialSelection } from '../suggestions';
import { renderMarkdown } from '../markdown';
import { AnnotateStatus } from '../components/AnnotateStatus';
import { CountChart } from '../components/CountChart';
import { ItemImage } from '../components/ItemImage';
import { LabelFilter } from '../components/LabelFilter';
import { LabelList } from '../components/LabelList';
import { QueueBadge } from '../components/QueueBadge';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { SuggestionBar } from '../components/SuggestionBar';

interface Done {
  item: QueueItem;
  labelIds: number[];
}

const prefetchDepth = () => (new URLSearchParams(location.search).get('prefetch') === '0' ? 0 : 5);
const PROGRESS_MS = 5000;

export function AnnotatePage({ projectId, annotator }: { projectId: number; annotator: string }) {
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [previous, setPrevious] = useState<Done[]>([]);
  const [revisiting, setRevisiting] = useState<number[] | null>(null);
  const [projectCounts, setProjectCounts] = useState<Counts | null>(null);
  const [filterOpen, setFilterOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const [error, setError] = useState('');
  const { labels, byKey, keyOf, loaded: labelsLoaded } = useActiveLabels(projectId, setError);
  const images = useMemo(() => new ImagePreloader(() => new Image()), []);
  // Image items: the images of the buffered items are fetched and decoded while the annotator works on this one.
  const preloadFrom = (buffered: PrefetchQueue) => {
    const urls = buffered.upcoming().flatMap((next) => itemMedia(projectId, next)?.url ?? []);
    if (urls.length > 0) images.preload(urls);
  };
  const {
    queued,
    show: showItem,
    loading,
    progress,
    pending: counts,
    submissions,
    queue,
  } = useAnnotateQueue(projectId, annotator, prefetchDepth(), preloadFrom);
  const preloadUpcoming = () => preloadFrom(queue);
  // The item is shown (and keys act on it) only once the labels are there to pick from.
  const item = labelsLoaded ? queued : null;
  const shownAt = useRef(performance.now());

  useEffect(() => {
    api.project(projectId).then(setProject, (e) => setError(String(e)));
    api.counts(projectId).then(setProjectCounts, () => undefined);
  }, [projectId]);
  usePoll(() => api.counts(projectId).then(setProjectCounts), PROGRESS_MS);

  useEffect(() => {
    if (item) afterNextPaint(preloadUpcoming);
  }, [item?.id]);

  useLayoutEffect(() => {
    shownAt.current = performance.now();
    // A switch ends when the next item shows, not at a "Loading" placeholder.
    if (item) measureSwitchPainted();
  }, [item?.id]);

  const multi = project?.multi_label ?? false;

  // Multi-label: a new item starts with the model's suggested labels toggled, so Enter accepts them.
  useLayoutEffect(() => {
    if (multi && item?.suggestion && revisiting === null) setSelected(initialSelection(item.suggestion, multi));
  }, [item?.id, multi]);

  const show = (next: QueueItem | null, chosen: number[]) => {
    // An empty selection stays the same array, so the memoized label list is not re-rendered for it.
    setSelected((s) => (chosen.length === 0 && s.length === 0 ? s : chosen));
    if (!next) noteSwitchWaits();
    showItem(next);
  };

  const submit = (labelIds: number[]) => {
    if (!item) return;
    markSwitchStart();
    submissions.enqueue({
      request_id: newRequestId(),
      project_id: projectId,
      item_id: item.id,
      author: annotator,
      label_ids: labelIds,
      time_spent_ms: Math.round(performance.now() - shownAt.current),
      suggestion_annotation_id: item.suggestion?.annotation_id ?? null,
    });
    setPrevious((p) => [...p.slice(-49), { item, labelIds }]);
    setRevisiting(null);
    show(queue.advance(), []);
  };

  const skip = () => {
    if (!item) return;
    markSwitchStart();
    const skipped = item.id;
    afterNextPaint(() => void api.skip(projectId, annotator, [skipped]).catch(() => undefined));
    setRevisiting(null);
    show(queue.advance(), []);
  };

  const back = () => {
    const last = previous[previous.length - 1];
    if (!last) return;
    markSwitchStart();
    setPrevious((p) => p.slice(0, -1));
    queue.revisit(last.item);
    setRevisiting(last.labelIds);
    show(last.item, multi ? last.labelIds : []);
  };

  const choose = (label: LabelInfo) => {
    if (multi) setSelected((s) => (s.includes(label.id) ? s.filter((x) => x !== label.id) : [...s, label.id]));
    else submit([label.id]);
  };

  // A stable callback for the memoized label list; it calls this render's `choose`.
  const chooseRef = useRef(choose);
  chooseRef.current = choose;
  const onChoose = useCallback((label: LabelInfo) => chooseRef.current(label), []);

  useKeyboard((key) => {
    if (filterOpen) return false;
    if (key === '?') setHelpOpen((h) => !h);
    else if (key === 'Escape') setHelpOpen(false);
    else if (key === 'g') setGuidelinesOpen((g) => !g);
    else if (key === '/') setFilterOpen(true);
    else if (key === 's') skip();
    else if (key === 'Backspace' || key === 'ArrowLeft') back();
    else if (key === 'Enter' && enterLabels(item?.suggestion, multi, selected)) submit(enterLabels(item?.suggestion, multi, selected)!);
    else if (byKey.has(key)) choose(byKey.get(key)!);
    else return false;
    return true;
  });

  const guidelines = useMemo(() => renderMarkdown(project?.guidelines || '_No guidelines yet._'), [project?.guidelines]);
  const media = item ? itemMedia(projectId, item) : null;
  return (
    <div class="annotate">
      <AnnotateStatus name={project?.name ?? '…'} progress={progress} pending={counts} onRetry={() => submissions.retryFailed()}>
        <QueueBadge projectId={projectId} />
        <span class="muted">Press ? for shortcuts</span>
      </AnnotateStatus>
      {error && <p class="error">{error}</p>}
      <div class="annotate-body">
        <section class="item-pane">
          {item ? (
            <>
              <div class="item-meta">
                Item {item.external_id ?? item.id}
                {revisiting && <span class="badge">changing your label</span>}
              </div>
              {media ? (
                <ItemImage media={media} preloader={images} itemId={item.id} />
              ) : (
                <div class="item-text" data-testid="item-text" data-item-id={item.id}>
                  {item.text}
                </div>
              )}
              {item.suggestion && <SuggestionBar suggestion={item.suggestion} multi={multi} labels={labels} />}
            </>
          ) : (
            <div class="item-empty" data-testid="queue-state">
              {loading || !labelsLoaded ? (
                'Loading… (waiting for the server)'
              ) : (progress?.annotator_skipped ?? 0) > 0 ? (
                <>
                  Nothing left for you except the {progress?.annotator_skipped} item{progress?.annotator_skipped === 1 ? '' : 's'} you skipped.{' '}
                  <button
                    class="link"
                    data-testid="unskip"
                    onClick={() =>
                      void api.unskip(projectId, annotator).then(
                        () => location.reload(),
                        (e) => setError(String(e)),
                      )
                    }
                  >
                    Show them again
                  </button>
                </>
              ) : (
                'Nothing left to label in this project. Thank you!'
              )}
            </div>
          )}
        </section>
        <aside class="labels-pane">
          <LabelList
            labels={labels}
            keyOf={keyOf}
            selected={selected}
            revisiting={revisiting}
            multi={multi}
            suggested={item?.suggestion?.label_ids}
            onChoose={onChoose}
          />
          {multi && (
            <button class="primary" onClick={() => submit(selected)}>
              Submit <kbd>Enter</kbd>
            </button>
          )}
          {projectCounts && (
            <div class="sidebar-counts">
              <CountChart title="Items per label" bars={labelBars(projectCounts.labels)} empty="No labels yet." testId="label-counts" />
              <CountChart
                title="Items per annotator"
                bars={annotatorBars(projectCounts.annotators, annotator)}
                empty="Nobody has labeled yet."
                testId="annotator-counts"
              />
            </div>
          )}
        </aside>
        {guidelinesOpen && <aside class="guidelines" data-testid="guidelines" dangerouslySetInnerHTML={{ __html: guidelines }} />}
      </div>
      {filterOpen && (
        <LabelFilter
          labels={labels}
          onPick={(l) => {
            setFilterOpen(false);
            choose(l);
          }}
          onClose={() => setFilterOpen(false)}
        />
      )}
      {helpOpen && <ShortcutHelp multi={multi} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
