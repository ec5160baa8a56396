/** Columns of the open invites table. */
import { type Role, type TInvite, teamChangeRefusal } from '@tenure/contract';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Badge } from '../../components/badge';
import { actionsColumn, DateCell } from '../../components/table-cells';
import { formatDateTime, formatRelative } from '../../lib/format';
import { RoleBadge } from './role-badge';

const column = createColumnHelper<TInvite>();

export function inviteColumns(myRole: Role, onRevoke: (invite: TInvite) => void, now: number): ColumnDef<TInvite, never>[] {
  return [
    column.display({ id: 'email', header: 'Email', cell: ({ row }) => <span className="cell-title">{row.original.email}</span> }),
    column.display({ id: 'role', header: 'Role', cell: ({ row }) => <RoleBadge role={row.original.role} /> }),
    column.display({
      id: 'invitedBy',
      header: 'Invited by',
      cell: ({ row }) => {
        const by = row.original.invitedBy;
        return by ? (by.name ?? by.email) : <span className="muted">—</span>;
      },
    }),
    column.display({
      id: 'createdAt',
      header: 'Sent',
      cell: ({ row }) => <DateCell at={row.original.createdAt} />,
    }),
    column.display({
      id: 'expiresAt',
      header: 'Expires',
      cell: ({ row }) =>
        Date.parse(row.original.expiresAt) <= now ? (
          <Badge tone="red" title={formatDateTime(row.original.expiresAt)}>
            Expired
          </Badge>
        ) : (
          <time title={formatDateTime(row.original.expiresAt)}>{formatRelative(row.original.expiresAt, now)}</time>
        ),
    }),
    actionsColumn((invite) =>
      teamChangeRefusal(myRole, invite.role, null) === null ? (
        <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => onRevoke(invite)} data-testid="invite-revoke">
          Revoke
        </button>
      ) : null,
    ),
  ];
}
