/** The customer list: server-side sorting, search, filters and pagination over `customers.list`. */
import type { CustomerSortKey } from '@tenure/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { QueryList } from '../../components/query-view';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { CustomerFilters } from './customer-filters';
import { SegmentFilterBar } from './segment-filter-bar';
import { useCustomerListParams } from './use-customer-list-params';
import { useCustomerTable } from './use-customer-table';

export default function CustomersPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { canWrite } = useCurrent();
  const { params, update, hasFilters } = useCustomerListParams();

  const list = useQuery({
    ...trpc.customers.list.queryOptions({
      page: params.page,
      limit: params.limit,
      sortBy: params.sortBy,
      sortOrder: params.sortOrder,
      search: params.search || undefined,
      lifecycleStage: params.lifecycleStage,
      riskLevel: params.riskLevel,
      active: params.active,
      segmentId: params.segmentId,
    }),
    placeholderData: keepPreviousData,
  });
  const overall = useQuery(trpc.customers.count.queryOptions({}));

  const sorting: SortingState = [{ id: params.sortBy, desc: params.sortOrder === 'desc' }];
  const table = useCustomerTable(list.data?.customers, sorting, ([first]) => {
    if (first) update({ sortBy: first.id as CustomerSortKey, sortOrder: first.desc ? 'desc' : 'asc' });
  });

  const total = list.data?.total;
  const subtitle = overall.isError
    ? `Could not count customers: ${errorMessage(overall.error)}`
    : overall.data && hasFilters && total !== undefined
      ? `${formatNumber(total)} matching of ${formatNumber(overall.data.count)} customers`
      : overall.data
        ? `${formatNumber(overall.data.count)} customers`
        : 'Everyone you send to Tenure, with their health and value';

  return (
    <div className="stack">
      <PageHeader
        title="Customers"
        subtitle={subtitle}
        actions={
          canWrite && (
            <Link to="/import" className="btn" data-testid="customers-import">
              Import CSV
            </Link>
          )
        }
      />
      <div className="card">
        {params.segmentId && <SegmentFilterBar segmentId={params.segmentId} onClear={() => update({ segmentId: undefined })} />}
        <CustomerFilters params={params} update={update} hasFilters={hasFilters} />
        <QueryList query={list} errorTitle="Could not load customers">
          <DataTable
            table={table}
            loading={list.isPending}
            stale={list.isPlaceholderData}
            testId="customers-table"
            rowTestId="customers-row"
            skeletonRows={Math.min(params.limit, 12)}
            onRowClick={(row) => navigate(`/customers/${row.original.id}`)}
            empty={hasFilters ? <NoMatches /> : <NoCustomers />}
          />
          <Pagination
            page={params.page}
            limit={params.limit}
            total={total}
            noun="customers"
            onPageChange={(page) => update({ page })}
            onLimitChange={(limit) => update({ limit })}
          />
        </QueryList>
      </div>
    </div>
  );
}

function NoCustomers() {
  return (
    <EmptyState icon="users" title="No customers yet">
      <p>
        No customers yet — <Link to="/import">import a CSV</Link> or send them through the{' '}
        <a href="/api/docs" target="_blank" rel="noreferrer">
          API
        </a>{' '}
        (create a key under <Link to="/api-keys">API keys</Link>).
      </p>
    </EmptyState>
  );
}

function NoMatches() {
  return (
    <EmptyState icon="search" title="No matching customers">
      <p>Try another search or clear the filters.</p>
    </EmptyState>
  );
}
