/** The segment's current members: the customer table's columns, sorted and paged on the server. */
import type { CustomerSortKey } from '@tenure/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { Pagination } from '../../components/pagination';
import { QueryList } from '../../components/query-view';
import { useTRPC } from '../../lib/trpc';
import { customersHref } from '../customers/use-customer-list-params';
import { useCustomerTable } from '../customers/use-customer-table';

export function SegmentMembersCard({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
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
  const table = useCustomerTable(members.data?.customers, sorting, (next) => {
    setSorting(next);
    setPage(1);
  });
  return (
    <div className="card" data-testid="segment-members">
      <div className="card-header">
        <h2>Members</h2>
        <Link to={customersHref({ segmentId })} className="btn btn-sm" data-testid="segment-open-customers">
          <Icon name="users" /> Open in Customers
        </Link>
      </div>
      <QueryList query={members} errorTitle="Could not load the members">
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
      </QueryList>
    </div>
  );
}
