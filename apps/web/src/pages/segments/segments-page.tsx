/** The environment's segments with their size and when they were counted. */
import type { TSegment } from '@tenure/contract';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryList } from '../../components/query-view';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { useCan } from '../../lib/use-role';
import { useTRPC } from '../../lib/trpc';
import { rulesText } from './rule-summary';
import '../../styles/segments.css';

const column = createColumnHelper<TSegment>();

const COLUMNS = [
  column.display({
    id: 'name',
    header: 'Segment',
    meta: { width: '34%' },
    cell: ({ row }) => (
      <div className="cell-customer">
        <Link to={`/segments/${row.original.id}`} className="cell-title">
          {row.original.name}
        </Link>
        {row.original.description && <div className="cell-sub">{row.original.description}</div>}
      </div>
    ),
  }),
  column.display({
    id: 'rules',
    header: 'Rules',
    cell: ({ row }) => <span className="segment-rules-text">{rulesText(row.original.match, row.original.rules)}</span>,
  }),
  column.display({
    id: 'count',
    header: 'Customers',
    meta: { align: 'right', width: '110px' },
    cell: ({ row }) => <strong className="num">{formatNumber(row.original.customerCount)}</strong>,
  }),
  column.display({
    id: 'countedAt',
    header: 'Counted',
    meta: { width: '130px' },
    cell: ({ row }) =>
      row.original.countedAt ? (
        <span title={formatDateTime(row.original.countedAt)}>{formatRelative(row.original.countedAt)}</span>
      ) : (
        <span className="muted">not yet</span>
      ),
  }),
];

export default function SegmentsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const canWrite = useCan('segments:write');
  const list = useQuery(trpc.segments.list.queryOptions());
  const data = list.data?.segments ?? [];
  const table = useReactTable({ data, columns: COLUMNS, getRowId: (s) => s.id, getCoreRowModel: getCoreRowModel() });
  const atLimit = data.length >= 100;

  return (
    <div className="stack">
      <PageHeader
        title="Segments"
        subtitle={
          list.data
            ? `${formatNumber(data.length)} of 100 segments · members are recounted within a minute of any change`
            : 'Groups of customers defined by rules, kept up to date'
        }
        actions={
          canWrite && (
            <Link
              to="/segments/new"
              className={`btn btn-primary${atLimit ? ' is-disabled' : ''}`}
              aria-disabled={atLimit}
              onClick={(e) => atLimit && e.preventDefault()}
              title={atLimit ? 'An environment holds at most 100 segments' : undefined}
              data-testid="segments-new"
            >
              <Icon name="plus" /> New segment
            </Link>
          )
        }
      />
      <div className="card">
        <QueryList query={list} errorTitle="Could not load segments">
          <DataTable
            table={table}
            loading={list.isPending}
            testId="segments-table"
            rowTestId="segments-row"
            skeletonRows={5}
            onRowClick={(row) => navigate(`/segments/${row.original.id}`)}
            empty={
              <EmptyState icon="filter" title="No segments yet">
                <p>
                  Group customers by rules — “enterprise plan, health under 40, no purchase in 30 days” — to watch them and act on them.
                  {canWrite && (
                    <>
                      {' '}
                      <Link to="/segments/new">Create the first segment</Link>.
                    </>
                  )}
                </p>
              </EmptyState>
            }
          />
        </QueryList>
      </div>
    </div>
  );
}
