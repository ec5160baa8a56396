/** The events explorer: newest first, filtered by name, customer and date range. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { QueryList } from '../../components/query-view';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { type EventRow, eventColumns } from './event-columns';
import { EventDetailPanel } from './event-detail-panel';
import { EventFilters } from './event-filters';
import { eventListInput, useEventListParams } from './use-event-list-params';

export default function EventsPage() {
  const trpc = useTRPC();
  const { currency } = useCurrent();
  const { params, update, hasFilters } = useEventListParams();
  const [selected, setSelected] = useState<EventRow | null>(null);

  const list = useQuery({ ...trpc.events.list.queryOptions(eventListInput(params)), placeholderData: keepPreviousData });

  const columns = useMemo(() => eventColumns(currency), [currency]);
  const data = useMemo<EventRow[]>(() => list.data?.events ?? [], [list.data]);
  const table = useReactTable({ data, columns, getRowId: (e) => e.id, getCoreRowModel: getCoreRowModel(), manualPagination: true });

  return (
    <div className="stack">
      <PageHeader title="Events" subtitle="What your customers did, newest first. Touchpoints and revenue are marked." />
      <div className="card">
        <EventFilters params={params} update={update} hasFilters={hasFilters} />
        <QueryList query={list} errorTitle="Could not load events">
          <DataTable
            table={table}
            loading={list.isPending}
            stale={list.isPlaceholderData}
            testId="events-table"
            rowTestId="events-row"
            onRowClick={(row) => setSelected(row.original)}
            empty={
              <EmptyState icon="activity" title={hasFilters ? 'No matching events' : 'No events yet'}>
                <p>
                  {hasFilters
                    ? 'Try a wider date range or clear the filters.'
                    : 'Send events through the API (POST /api/v1/events) and they appear here.'}
                </p>
              </EmptyState>
            }
          />
          <Pagination
            page={params.page}
            limit={params.limit}
            total={list.data?.total}
            noun="events"
            onPageChange={(page) => update({ page })}
            onLimitChange={(limit) => update({ limit })}
          />
        </QueryList>
      </div>
      <EventDetailPanel event={selected} currency={currency} onClose={() => setSelected(null)} />
    </div>
  );
}
