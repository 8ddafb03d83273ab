const SHORTCUTS: [string, string][] = [
  ['1-9, letters', 'pick a label (keys shown beside each label)'],
  ['Enter', "accept the model's suggestion (when one is shown)"],
  ['/', 'find a label by name, path or description'],
  ['s', 'skip this item (others still get it)'],
  ['Backspace or ←', 'go back and change the previous label'],
  ['g', 'show or hide the guidelines'],
  ['?', 'show or hide this help'],
];

/**
 * The "?" overlay of an annotate page: the classification page's shortcuts, or a page's own (`rows`, `note`: the
 * object editor's).
 */
export function ShortcutHelp({ multi = false, rows: own, note, onClose }: { multi?: boolean; rows?: [string, string][]; note?: string; onClose: () => void }) {
  const rows =
    own ??
    (multi
      ? [...SHORTCUTS.slice(0, 1), ['Enter', 'submit the toggled labels (suggested ones start toggled)'] as [string, string], ...SHORTCUTS.slice(2)]
      : SHORTCUTS);
  return (
    <div class="overlay" onClick={onClose}>
      <div class="card help" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <p class="muted">{note ?? (multi ? 'Label keys toggle labels; Enter submits.' : 'A label key submits and moves to the next item.')}</p>
        <table>
          <tbody>
            {rows.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
