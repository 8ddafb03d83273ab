import { useEffect, useState } from 'preact/hooks';
import { ApiError, privacyApi, type PiiPreview, type PiiReport, type PiiSetting } from '../api';
import { CountChart } from '../components/CountChart';
import { DETECTORS, TAGS, countKinds, parseWords, segments, totalBars } from '../privacy';

const describe = (e: unknown) => (e instanceof ApiError ? e.detail : String(e));

/**
 * Personal-data masking of a project, for its managers: which detectors run, the project's own words and pattern,
 * a live preview of the setting being edited on a sample item (before it is saved), and the report of what the saved
 * setting finds over all items. Annotators, reviewers and exports without --unmasked see the masked text.
 */
export function PrivacyPanel({ projectId }: { projectId: number }) {
  const [detectors, setDetectors] = useState<string[]>([]);
  const [pattern, setPattern] = useState('');
  const [words, setWords] = useState('');
  const [sameLength, setSameLength] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [forbidden, setForbidden] = useState('');
  const [status, setStatus] = useState('');
  const [itemId, setItemId] = useState('');
  const [preview, setPreview] = useState<PiiPreview | null>(null);
  const [previewError, setPreviewError] = useState('');
  const [report, setReport] = useState<PiiReport | null>(null);
  const [scanning, setScanning] = useState(false);
  const setting: PiiSetting = { detectors, pattern: pattern.trim() ? pattern : null, words: parseWords(words) };
  const key = JSON.stringify(setting);

  useEffect(() => {
    privacyApi.get(projectId).then(
      (s) => {
        setDetectors(s.detectors);
        setPattern(s.pattern ?? '');
        setWords(s.words.join('\n'));
        setSameLength(s.same_length_masks ?? false);
        setLoaded(true);
      },
      (e) =>
        setForbidden(
          e instanceof ApiError && e.status === 403 ? 'Only the project’s managers (and admins) see and change personal-data masking.' : describe(e),
        ),
    );
  }, [projectId]);

  // The preview follows every edit, a moment after typing stops; nothing is saved until "Save".
  useEffect(() => {
    if (!loaded) return;
    const id = itemId.trim() ? Number(itemId) : null;
    if (id !== null && !Number.isInteger(id)) {
      setPreviewError('The item id is a whole number (see the Data tab), or leave it empty for a sample.');
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      privacyApi.preview(projectId, setting, id).then(
        (p) => live && (setPreview(p), setPreviewError('')),
        (e) => live && setPreviewError(describe(e)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [projectId, loaded, key, itemId]);

  const save = async () => {
    try {
      const saved = await privacyApi.save(projectId, setting);
      setDetectors(saved.detectors);
      setPattern(saved.pattern ?? '');
      setWords(saved.words.join('\n'));
      setReport(null);
      setStatus(saved.detectors.length || saved.pattern || saved.words.length ? 'Saved: annotators now see the masked text.' : 'Saved: nothing is masked.');
    } catch (e) {
      setStatus(describe(e));
    }
  };
  const scan = async () => {
    setScanning(true);
    try {
      setReport(await privacyApi.report(projectId));
    } catch (e) {
      setStatus(describe(e));
    } finally {
      setScanning(false);
    }
  };
  const toggle = (name: string, on: boolean) => setDetectors(DETECTORS.map((d) => d.name as string).filter((n) => (n === name ? on : detectors.includes(n))));

  if (forbidden)
    return (
      <p class="notice warn" role="alert">
        {forbidden}
      </p>
    );
  return (
    <div class="two-col privacy">
      <form
        class="card"
        aria-label="Masking setting"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            void save();
          }
        }}
      >
        <h2>Personal data masking</h2>
        <p class="muted">
          What annotators, reviewers and masked exports see instead of personal data. Managers and admins see the stored text.
          {sameLength && ' This is a text-spans project: masks keep the text’s length (█), so span offsets stay valid.'}
        </p>
        <fieldset class="detectors" disabled={!loaded}>
          <legend>Detectors</legend>
          {DETECTORS.map((d) => (
            <label class="inline" key={d.name}>
              <input type="checkbox" name={d.name} checked={detectors.includes(d.name)} onChange={(e) => toggle(d.name, e.currentTarget.checked)} />
              <span>
                {d.title}{' '}
                <span class="muted small">
                  e.g. {d.example} → {TAGS[d.name]}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <label>
          Words to mask <span class="muted small">one per line or comma-separated, any case, whole words → [PII]</span>
          <textarea name="words" rows={5} disabled={!loaded} value={words} onInput={(e) => setWords(e.currentTarget.value)} />
        </label>
        <label>
          Pattern <span class="muted small">a .NET regular expression → [PII]</span>
          <input
            name="pattern"
            spellcheck={false}
            disabled={!loaded}
            value={pattern}
            onInput={(e) => setPattern(e.currentTarget.value)}
            placeholder="e.g. \bCUST-\d{6}\b"
          />
        </label>
        <p>
          <button type="submit" disabled={!loaded}>
            Save masking
          </button>{' '}
          <span class="muted small">
            <kbd>Ctrl</kbd> <kbd>S</kbd>
          </span>{' '}
          <span class="muted" role="status" data-testid="pii-status">
            {status}
          </span>
        </p>
      </form>
      <div>
        <section class="card" aria-label="Preview" data-testid="pii-preview">
          <div class="card-head">
            <h2>Preview</h2>
            <label class="inline small">
              Item id
              <input name="item" inputMode="numeric" size={8} value={itemId} onInput={(e) => setItemId(e.currentTarget.value)} placeholder="sample" />
            </label>
          </div>
          {previewError && (
            <p class="error" role="alert">
              {previewError}
            </p>
          )}
          {preview && !previewError && <PreviewView preview={preview} />}
        </section>
        <section class="card" aria-label="Report">
          <div class="card-head">
            <h2>Report (saved setting)</h2>
            <button type="button" onClick={scan} disabled={scanning}>
              {scanning ? 'Scanning…' : 'Scan all items'}
            </button>
          </div>
          {report && <ReportView report={report} />}
        </section>
      </div>
    </div>
  );
}

function PreviewView({ preview }: { preview: PiiPreview }) {
  const found = countKinds(preview.detections);
  return (
    <>
      <p class="muted small" data-testid="pii-sample">
        {preview.item_id === null || preview.item_id === undefined ? 'Your text' : `Item ${preview.item_id}`}
        {preview.external_id ? ` (${preview.masked_external_id})` : ''}
        {' · '}
        {found.length === 0 ? 'nothing to mask' : found.map(([kind, n]) => `${n} × ${TAGS[kind] ?? kind}`).join(', ')}
        {preview.clipped && ' · first 5,000 characters'}
      </p>
      <h3 class="small">Stored text</h3>
      <p class="item-text pii-original" data-testid="pii-original">
        {segments(preview.text, preview.detections).map((s, i) =>
          s.kind ? (
            <mark key={i} class={`pii pii-${s.kind}`} title={TAGS[s.kind] ?? s.kind}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
      <h3 class="small">What annotators see</h3>
      <p class="item-text pii-masked" data-testid="pii-masked">
        {preview.masked}
      </p>
    </>
  );
}

function ReportView({ report }: { report: PiiReport }) {
  return (
    <div data-testid="pii-report">
      <p>
        {report.items_with_detections.toLocaleString('en-US')} of {report.items_scanned.toLocaleString('en-US')} items hold personal data.
      </p>
      <CountChart title="Detections by kind" bars={totalBars(report.totals)} empty="Nothing is masked yet." testId="pii-totals" />
      {report.items.length > 0 && (
        <table class="grid">
          <thead>
            <tr>
              <th>Item</th>
              <th>External id</th>
              <th>Found</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((i) => (
              <tr key={i.item_id}>
                <td>{i.item_id}</td>
                <td>{i.external_id ?? ''}</td>
                <td>
                  {Object.entries(i.counts)
                    .map(([kind, n]) => `${n} × ${TAGS[kind] ?? kind}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.truncated && <p class="muted small">The first {report.items.length} items with detections are listed.</p>}
    </div>
  );
}
