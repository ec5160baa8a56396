/**
 * Column definitions of the customer table. Sortable columns are accessor columns (TanStack only
 * sorts those) whose ids equal the server's sort keys; the sorting itself happens on the server.
 */
import type { TCustomer } from '@tenure/contract';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router-dom';
import { HealthScore, LifecycleBadge, RiskBadge } from '../../components/customer-badges';
import { AgoCell, DateCell } from '../../components/table-cells';
import { formatMoney } from '../../lib/format';

const column = createColumnHelper<TCustomer>();

export function customerColumns(currency: string): ColumnDef<TCustomer, never>[] {
  return [
    column.accessor((c) => c.name, {
      id: 'name',
      header: 'Customer',
      enableSorting: true,
      sortDescFirst: false,
      meta: { width: '26%' },
      cell: ({ row }) => {
        const c = row.original;
        return (
          <div className="cell-customer">
            <Link to={`/customers/${c.id}`} className="cell-title">
              {c.name ?? c.email ?? c.externalId ?? c.id}
            </Link>
            <div className="cell-sub">
              {c.name && c.email && <span>{c.email}</span>}
              {c.externalId && <span className="muted mono">{c.externalId}</span>}
            </div>
          </div>
        );
      },
    }),
    column.display({
      id: 'company',
      header: 'Company',
      enableSorting: false,
      cell: ({ row }) => row.original.company ?? <span className="muted">—</span>,
    }),
    column.display({
      id: 'lifecycleStage',
      header: 'Stage',
      enableSorting: false,
      cell: ({ row }) => <LifecycleBadge stage={row.original.lifecycleStage} />,
    }),
    column.accessor('health', {
      id: 'health',
      header: 'Health',
      enableSorting: true,
      sortDescFirst: true,
      meta: { align: 'right' },
      cell: ({ row }) => <HealthScore health={row.original.health} risk={row.original.riskLevel} />,
    }),
    column.display({
      id: 'riskLevel',
      header: 'Risk',
      enableSorting: false,
      cell: ({ row }) => <RiskBadge risk={row.original.riskLevel} />,
    }),
    column.accessor('ltv', {
      id: 'ltv',
      header: 'LTV',
      enableSorting: true,
      sortDescFirst: true,
      meta: { align: 'right' },
      cell: ({ row }) => <span className="num">{formatMoney(row.original.ltv, currency)}</span>,
    }),
    column.accessor('lastActivityAt', {
      id: 'lastActivityAt',
      header: 'Last activity',
      enableSorting: true,
      sortDescFirst: true,
      cell: ({ row }) => <AgoCell at={row.original.lastActivityAt} />,
    }),
    column.accessor('createdAt', {
      id: 'createdAt',
      header: 'Created',
      enableSorting: true,
      sortDescFirst: true,
      cell: ({ row }) => <DateCell at={row.original.createdAt} />,
    }),
  ];
}
