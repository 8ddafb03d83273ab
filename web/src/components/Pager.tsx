import { itemCount } from '../format';

/** Previous / Next with "Page p of n · total items"; `capped`: the server counted only up to `total` ("1,000+"). */
export function Pager({
  page,
  pages,
  total,
  capped = false,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  capped?: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <p class="pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {pages}
        {capped ? '+' : ''} · {itemCount(total, capped)} items
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </p>
  );
}
