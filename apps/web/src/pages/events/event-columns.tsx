/** Columns of the events explorer. */
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router-dom';
import { RevenueBadge, TouchpointBadge } from '../../components/event-markers';
import { eventContext } from '../../lib/events';
import type { RouterOutputs } from '../../lib/trpc';
import { formatDateTime, formatRelative } from '../../lib/format';

export type EventRow = RouterOutputs['events']['list']['events'][number];

const column = createColumnHelper<EventRow>();

export function eventColumns(currency: string): ColumnDef<EventRow, never>[] {
  return [
    column.display({
      id: 'timestamp',
      header: 'Time',
      meta: { width: '210px' },
      cell: ({ row }) => (
        <div className="cell-customer nowrap">
          <time dateTime={row.original.timestamp}>{formatDateTime(row.original.timestamp)}</time>
          <span className="cell-sub muted">{formatRelative(row.original.timestamp)}</span>
        </div>
      ),
    }),
    column.display({
      id: 'name',
      header: 'Event',
      cell: ({ row }) => <span className="event-name">{row.original.name}</span>,
    }),
    column.display({
      id: 'customer',
      header: 'Customer',
      cell: ({ row }) => {
        const e = row.original;
        const label = e.customer?.name || e.customer?.email;
        return (
          <div className="cell-customer">
            <Link to={`/customers/${e.customerId}`} className={label ? 'cell-title' : 'mono'}>
              {label ?? e.customerId}
            </Link>
            {e.customer?.name && e.customer.email && <span className="cell-sub muted">{e.customer.email}</span>}
            <span className="cell-sub muted mono">{e.externalId ?? e.customerId}</span>
          </div>
        );
      },
    }),
    column.display({
      id: 'revenue',
      header: 'Revenue',
      meta: { align: 'right' },
      cell: ({ row }) => <RevenueBadge revenue={row.original.revenue} currency={currency} />,
    }),
    column.display({
      id: 'touchpoint',
      header: 'Touchpoint',
      cell: ({ row }) => <TouchpointBadge context={eventContext(row.original)} />,
    }),
  ];
}
