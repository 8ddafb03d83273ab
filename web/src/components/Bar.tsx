import { percent } from '../format';

/** A horizontal bar for a fraction in [0, 1] with its percent written on it; `kind` picks the colour. */
export function Bar({ value, kind }: { value: number; kind: string }) {
  return (
    <div class={`bar ${kind}`} title={percent(value)}>
      <div style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }} />
      <span>{percent(value)}</span>
    </div>
  );
}
