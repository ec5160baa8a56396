/**
 * Renders a TanStack Table instance: sortable headers (server-side sorting is the caller's
 * business), skeleton rows while loading, an empty slot, and clickable rows.
 */
import { flexRender, type Row, type RowData, type Table } from '@tanstack/react-table';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { Icon } from './icons';
import { SkeletonRows } from './skeleton';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    width?: string;
    align?: 'right';
  }
}

interface DataTableProps<T> {
  table: Table<T>;
  loading?: boolean;
  /** Shown instead of rows when not loading and there are none. */
  empty?: ReactNode;
  onRowClick?: (row: Row<T>) => void;
  testId?: string;
  rowTestId?: string;
  skeletonRows?: number;
  /** Dims the rows while a new page loads over the previous one. */
  stale?: boolean;
}

function isInteractive(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('a, button, input, select, label') !== null;
}

export function DataTable<T>({ table, loading, empty, onRowClick, testId, rowTestId, skeletonRows = 10, stale }: DataTableProps<T>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  const activate = (row: Row<T>) => (e: MouseEvent | KeyboardEvent) => {
    if (!onRowClick || isInteractive(e.target)) return;
    if ('key' in e && e.key !== 'Enter') return;
    onRowClick(row);
  };

  return (
    <div className="table-wrap">
      <table className={`table${onRowClick ? ' table-clickable' : ''}${stale ? ' is-stale' : ''}`} data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    style={{ width: header.column.columnDef.meta?.width }}
                    className={header.column.columnDef.meta?.align === 'right' ? 'align-right' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className={`th-sort${sorted ? ' is-sorted' : ''}`}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {content}
                        <Icon name={sorted === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} className="th-sort-icon" />
                      </button>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading ? (
            <SkeletonRows rows={skeletonRows} columns={columnCount} />
          ) : rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columnCount} className="table-empty-cell">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={row.id}
                data-testid={rowTestId}
                tabIndex={onRowClick ? 0 : undefined}
                onClick={activate(row)}
                onKeyDown={activate(row)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.align === 'right' ? 'align-right' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
