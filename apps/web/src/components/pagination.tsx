import { formatNumber } from '../lib/format';
import { Icon } from './icons';

export const PAGE_SIZES = [20, 50, 100] as const;

interface PaginationProps {
  page: number;
  limit: number;
  total: number | undefined;
  onPageChange: (page: number) => void;
  onLimitChange: (limit: number) => void;
  noun?: string;
}

export function Pagination({ page, limit, total, onPageChange, onLimitChange, noun = 'results' }: PaginationProps) {
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / limit));
  const from = total === 0 ? 0 : (page - 1) * limit + 1;
  const to = total === undefined ? undefined : Math.min(page * limit, total);
  return (
    <div className="pagination">
      <div className="pagination-info">
        {total === undefined ? '…' : `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)} ${noun}`}
      </div>
      <label className="pagination-size">
        Rows per page
        <select className="select select-sm" value={limit} onChange={(e) => onLimitChange(Number(e.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <div className="pagination-nav">
        <button type="button" className="btn btn-sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)} aria-label="Previous page">
          <Icon name="chevronLeft" /> Prev
        </button>
        <span className="pagination-page">
          Page {formatNumber(page)}
          {pages !== undefined && ` of ${formatNumber(pages)}`}
        </span>
        <button
          type="button"
          className="btn btn-sm"
          disabled={pages === undefined || page >= pages}
          onClick={() => onPageChange(page + 1)}
          aria-label="Next page"
        >
          Next <Icon name="chevronRight" />
        </button>
      </div>
    </div>
  );
}
