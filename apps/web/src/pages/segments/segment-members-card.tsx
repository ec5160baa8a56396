/** The segment's current members: the customer table's columns, sorted and paged on the server. */
import type { CustomerSortKey, TCustomer } from '@tenure/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCoreRowModel, type SortingState, type Updater, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Icon } from '../../components/icons';
import { Pagination } from '../../components/pagination';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { customerColumns } from '../customers/customer-columns';
import { customersHref } from '../customers/use-customer-list-params';

export function SegmentMembersCard({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { currency } = useCurrent();
  const [page, setPage] = useState(1);
  const [limit, setLimit] = useState(20);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'createdAt', desc: true }]);
  const sort = sorting[0] ?? { id: 'createdAt', desc: true };
  const members = useQuery({
    ...trpc.segments.customers.queryOptions({
      id: segmentId,
      page,
      limit,
      sortBy: sort.id as CustomerSortKey,
      sortOrder: sort.desc ? 'desc' : 'asc',
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(() => customerColumns(currency), [currency]);
  const data = useMemo<TCustomer[]>(() => members.data?.customers ?? [], [members.data]);
  const table = useReactTable({
    data,
    columns,
    getRowId: (c) => c.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      setSorting(typeof updater === 'function' ? updater(sorting) : updater);
      setPage(1);
    },
  });
  return (
    <div className="card" data-testid="segment-members">
      <div className="card-header">
        <h2>Members</h2>
        <Link to={customersHref({ segmentId })} className="btn btn-sm" data-testid="segment-open-customers">
          <Icon name="users" /> Open in Customers
        </Link>
      </div>
      {members.isError ? (
        <div className="card-body">
          <ErrorAlert error={members.error} title="Could not load the members" onRetry={() => members.refetch()} />
        </div>
      ) : (
        <>
          <DataTable
            table={table}
            loading={members.isPending}
            stale={members.isPlaceholderData}
            testId="segment-members-table"
            rowTestId="segment-member"
            skeletonRows={5}
            onRowClick={(row) => navigate(`/customers/${row.original.id}`)}
            empty={
              <EmptyState icon="users" title="No members right now">
                <p>No customer matches the rules as of the last count.</p>
              </EmptyState>
            }
          />
          <Pagination
            page={page}
            limit={limit}
            total={members.data?.total}
            noun="members"
            onPageChange={setPage}
            onLimitChange={(l) => {
              setLimit(l);
              setPage(1);
            }}
          />
        </>
      )}
    </div>
  );
}
