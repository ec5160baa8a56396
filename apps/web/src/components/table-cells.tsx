/** Cells and columns several tables share: dates with the exact time on hover, and a row's actions. */
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatRelative } from '../lib/format';

/** The day, with the exact time as its title. */
export function DateCell({ at, className }: { at: string; className?: string }) {
  return (
    <time className={className} title={formatDateTime(at)}>
      {formatDate(at)}
    </time>
  );
}

/** How long ago ("3 days ago"), with the exact time as its title; "Never" when it has not happened. */
export function AgoCell({ at }: { at: string | null }) {
  return at ? <time title={formatDateTime(at)}>{formatRelative(at)}</time> : <span className="muted">Never</span>;
}

/** The last column: what can be done to a row (its header is for screen readers only). */
export function actionsColumn<T>(cell: (row: T) => ReactNode): ColumnDef<T, never> {
  return createColumnHelper<T>().display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    meta: { align: 'right' },
    cell: ({ row }) => cell(row.original),
  }) as ColumnDef<T, never>;
}
