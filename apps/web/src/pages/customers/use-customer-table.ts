/** The customer table of the list and of a segment's members: the same columns, sorted and paged on the server. */
import type { TCustomer } from '@tenure/contract';
import { getCoreRowModel, type SortingState, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useCurrent } from '../../lib/session';
import { customerColumns } from './customer-columns';

const NONE: TCustomer[] = [];

/** One sort at a time, never none: a header click only flips or moves it. */
export function useCustomerTable(customers: TCustomer[] | undefined, sorting: SortingState, onSortingChange: (next: SortingState) => void) {
  const { currency } = useCurrent();
  const columns = useMemo(() => customerColumns(currency), [currency]);
  return useReactTable({
    data: customers ?? NONE,
    columns,
    getRowId: (c) => c.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
  });
}
