/**
 * A fraction in [0, 1] as a percent: whole percents, with one decimal below 10% so small coverages stay visible.
 * `missing` stands in for null, undefined and non-finite values.
 */
export function percent(fraction: number | null | undefined, missing = '–'): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return missing;
  const p = fraction * 100;
  return p > 0 && p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}
