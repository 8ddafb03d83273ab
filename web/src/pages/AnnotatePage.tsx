import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, sendSubmission, type LabelInfo, type Progress, type ProjectDetail, type QueueItem } from '../api';
import { annotatorBars, labelBars, type Counts } from '../counts';
import { newRequestId } from '../annotator';
import { useActiveLabels } from '../hooks/useActiveLabels';
import { useKeyboard } from '../hooks/useKeyboard';
import { usePoll } from '../hooks/usePoll';
import { PrefetchQueue } from '../prefetch';
import { ImagePreloader, itemMedia } from '../media';
import { SubmissionQueue } from '../submissions';
import { afterNextPaint } from '../afterPaint';
import { markSwitchStart, measureSwitchPainted, noteSwitchWaits } from '../switchTiming';
import { enterLabels, initialSelection } from '../suggestions';
import { renderMarkdown } from '../markdown';
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
const RENEW_MS = 60_000;
const PROGRESS_MS = 5000;
// With no item on screen (server unreachable), keep asking so labeling resumes on its own.
const RESUME_MS = 2000;

export function AnnotatePage({ projectId, annotator }: { projectId: number; annotator: string }) {
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [queued, setItem] = useState<QueueItem | null>(null);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<number[]>([]);
  const [previous, setPrevious] = useState<Done[]>([]);
  const [revisiting, setRevisiting] = useState<number[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [projectCounts, setProjectCounts] = useState<Counts | null>(null);
  const [counts, setCounts] = useState({ pending: 0, failed: 0 });
  const [filterOpen, setFilterOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const [error, setError] = useState('');
  const { labels, byKey, keyOf, loaded: labelsLoaded } = useActiveLabels(projectId, setError);
  // The item is shown (and keys act on it) only once the labels are there to pick from.
  const item = labelsLoaded ? queued : null;
  const shownAt = useRef(performance.now());

  const images = useMemo(() => new ImagePreloader(() => new Image()), []);
  // Image items: the images of the buffered items are fetched and decoded while the annotator works on this one.
  const preloadUpcoming = () => {
    const urls = queue.upcoming().flatMap((next) => itemMedia(projectId, next)?.url ?? []);
    if (urls.length > 0) images.preload(urls);
  };
  const submissions = useMemo(
    () => new SubmissionQueue(`lf:submissions:${projectId}:${annotator}`, localStorage, sendSubmission, { defer: afterNextPaint }),
    [projectId, annotator],
  );
  const queue = useMemo(
    () =>
      new PrefetchQueue(
        async (count, exclude) => {
          const answer = await api.next(projectId, annotator, count, exclude);
          setProgress(answer.progress);
          return answer.items;
        },
        prefetchDepth(),
        () => {
          setItem((shown) => shown ?? queue.current);
          preloadUpcoming();
          // A failed fetch (server down) is not the end of the queue: keep waiting until the server says so.
          setLoading(queue.current === null && !queue.done);
        },
        1000,
        submissions.pendingItemIds(),
        afterNextPaint,
      ),
    [submissions],
  );

  useEffect(() => {
    api.project(projectId).then(setProject, (e) => setError(String(e)));
    api.counts(projectId).then(setProjectCounts, () => undefined);
    queue.start().then((first) => {
      setItem(first);
      setLoading(first === null && !queue.done);
    });
    const update = () => setCounts({ pending: submissions.pending, failed: submissions.failed.length });
    const unsubscribe = submissions.subscribe(update);
    update();
    submissions.kick();
    const online = () => {
      submissions.kick();
      queue.resume();
    };
    addEventListener('online', online);
    // Submissions are stored after the next paint; store them at once when the page may be closed or frozen.
    const flush = () => submissions.flush();
    const hidden = () => document.visibilityState === 'hidden' && submissions.flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      unsubscribe();
      removeEventListener('online', online);
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      submissions.flush();
    };
  }, [queue, submissions]);

  usePoll(() => {
    const held = queue.held();
    return held.length > 0 ? api.renew(projectId, annotator, held) : undefined;
  }, RENEW_MS);
  usePoll(() => api.progress(projectId, annotator).then(setProgress), PROGRESS_MS);
  usePoll(() => queue.resume(), RESUME_MS);
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
    setItem(next);
    if (!next) {
      noteSwitchWaits();
      setLoading(!queue.done);
    }
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
  const annotatorDone = (progress?.annotator_done ?? 0) + counts.pending;
  const media = item ? itemMedia(projectId, item) : null;
  return (
    <div class="annotate">
      <div class="annotate-bar">
        <h1>{project?.name ?? '…'}</h1>
        <span class="stat" data-testid="progress">
          You: <strong>{annotatorDone}</strong> · Project: {progress?.project_done ?? 0} / {progress?.total ?? 0}
        </span>
        <span class={`stat ${counts.pending > 0 ? 'warn' : ''}`} data-testid="pending">
          Pending: {counts.pending}
        </span>
        <span class={`stat ${counts.failed > 0 ? 'bad' : ''}`} data-testid="failed">
          Failed: {counts.failed}
          {counts.failed > 0 && (
            <button class="link" onClick={() => submissions.retryFailed()}>
              retry
            </button>
          )}
        </span>
        <QueueBadge projectId={projectId} />
        <span class="muted">Press ? for shortcuts</span>
      </div>
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
