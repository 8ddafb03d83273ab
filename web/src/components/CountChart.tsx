import type { CountBar } from '../counts';

/** A small horizontal bar chart: one row per bar with its name, a bar as wide as its share of the largest, and the count. */
export function CountChart({ title, bars, empty, testId }: { title: string; bars: CountBar[]; empty: string; testId: string }) {
  return (
    <figure class="count-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul>
          {bars.map((b) => (
            <li key={b.key} class={b.mark === 'you' ? 'me' : ''}>
              <span class="count-name" title={b.name}>
                {b.color && <span class="swatch" style={{ background: b.color }} aria-hidden="true" />}
                {b.name}
                {b.mark && <span class="chip">{b.mark}</span>}
              </span>
              <span class="count-bar" aria-hidden="true">
                <span style={{ width: `${b.fraction * 100}%`, background: b.color ?? undefined }} />
              </span>
              <span class="count-value">{b.count.toLocaleString('en-US')}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
