/** Columns of the API key table. */
import type { TApiKey } from '@tenure/contract';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Badge } from '../../components/badge';
import { actionsColumn, AgoCell, DateCell } from '../../components/table-cells';
import { formatDateTime } from '../../lib/format';

const column = createColumnHelper<TApiKey>();

export function apiKeyColumns(onRevoke: ((key: TApiKey) => void) | null): ColumnDef<TApiKey, never>[] {
  const columns: ColumnDef<TApiKey, never>[] = [
    column.display({
      id: 'name',
      header: 'Name',
      cell: ({ row }) => <span className="cell-title nowrap">{row.original.name || <span className="muted">Untitled</span>}</span>,
    }),
    column.display({
      id: 'type',
      header: 'Type',
      cell: ({ row }) => <Badge tone={row.original.type === 'secret' ? 'violet' : 'blue'}>{row.original.type}</Badge>,
    }),
    column.display({
      id: 'prefix',
      header: 'Key',
      cell: ({ row }) => <code className="mono">{row.original.prefix}…</code>,
    }),
    column.display({
      id: 'scopes',
      header: 'Scopes',
      meta: { width: '28%' },
      cell: ({ row }) => {
        const k = row.original;
        if (k.type === 'publishable') return <span className="muted small">Ingest events, identify customers</span>;
        if (!k.scopes) return <Badge tone="amber">All scopes</Badge>;
        return (
          <span className="chips">
            {k.scopes.map((s) => (
              <code key={s} className="chip">
                {s}
              </code>
            ))}
          </span>
        );
      },
    }),
    column.display({
      id: 'limits',
      header: 'Rate limits',
      cell: ({ row }) => {
        const { rateLimit, ingestRateLimit } = row.original;
        if (rateLimit === null && ingestRateLimit === null) return <span className="muted small">Defaults</span>;
        const show = (n: number | null) => (n === null ? 'default' : `${n.toLocaleString()}/s`);
        return (
          <span className="small nowrap" title="Reads and writes · ingestion, requests per second">
            {show(rateLimit)} · {show(ingestRateLimit)} ingest
          </span>
        );
      },
    }),
    column.display({
      id: 'createdAt',
      header: 'Created',
      cell: ({ row }) => <DateCell at={row.original.createdAt} className="nowrap" />,
    }),
    column.display({
      id: 'lastUsedAt',
      header: 'Last used',
      cell: ({ row }) => <AgoCell at={row.original.lastUsedAt} />,
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) =>
        row.original.revokedAt ? (
          <Badge tone="red" title={`Revoked ${formatDateTime(row.original.revokedAt)}`}>
            Revoked
          </Badge>
        ) : (
          <Badge tone="green">Active</Badge>
        ),
    }),
  ];
  if (onRevoke) {
    columns.push(
      actionsColumn((key) =>
        key.revokedAt ? null : (
          <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => onRevoke(key)}>
            Revoke
          </button>
        ),
      ),
    );
  }
  return columns;
}
