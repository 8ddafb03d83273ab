/**
 * A fraction in [0, 1] as a percent: whole percents, with one decimal below 10% so small coverages stay visible.
 * `missing` stands in for null, undefined and non-finite values.
 */
export function percent(fraction: number | null | undefined, missing = '–'): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return missing;
  const p = fraction * 100;
  return p > 0 && p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

/**
 * A count of items as the items page reports it: grouped digits, and "1,000+" when the server stopped
 * counting (a text search counts at most its limit of matches and says `total_capped`).
 */
export function itemCount(total: number, capped = false): string {
  return `${total.toLocaleString('en-US')}${capped ? '+' : ''}`;
}
