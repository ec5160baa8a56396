/** Columns of the members table. */
import { type Role, type TMember, teamChangeRefusal } from '@tenure/contract';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Badge } from '../../components/badge';
import { actionsColumn, AgoCell, DateCell } from '../../components/table-cells';
import { MemberRoleCell } from './member-role-cell';
import { assignableRoles } from './roles';

const column = createColumnHelper<TMember>();

export interface MemberTableContext {
  myRole: Role;
  myUserId: string;
  ownerCount: number;
  onRemove: (member: TMember) => void;
}

const LAST_OWNER = 'The last owner keeps the role: make someone else an owner first';

/** Whether the signed-in user may change or remove `member`, and why not. */
export function memberAccess(ctx: MemberTableContext, member: TMember): { choices: Role[]; removable: boolean; reason: string | null } {
  const lastOwner = member.role === 'owner' && ctx.ownerCount <= 1;
  const refusal = teamChangeRefusal(ctx.myRole, member.role, null);
  if (refusal) return { choices: [], removable: false, reason: refusal };
  if (lastOwner) return { choices: [], removable: false, reason: LAST_OWNER };
  return { choices: assignableRoles(ctx.myRole, member.role), removable: member.userId !== ctx.myUserId, reason: null };
}

export function memberColumns(ctx: MemberTableContext): ColumnDef<TMember, never>[] {
  const manage = teamChangeRefusal(ctx.myRole, null, null) === null;
  const columns: ColumnDef<TMember, never>[] = [
    column.display({
      id: 'member',
      header: 'Member',
      cell: ({ row }) => {
        const m = row.original;
        return (
          <div className="cell-customer">
            <span className="cell-title">
              {m.name ?? m.email}
              {m.userId === ctx.myUserId && (
                <>
                  {' '}
                  <Badge tone="neutral">You</Badge>
                </>
              )}
            </span>
            {m.name && <span className="cell-sub">{m.email}</span>}
          </div>
        );
      },
    }),
    column.display({
      id: 'role',
      header: 'Role',
      meta: { width: '150px' },
      cell: ({ row }) => {
        const access = memberAccess(ctx, row.original);
        return <MemberRoleCell member={row.original} choices={access.choices} lockedReason={manage ? access.reason : null} />;
      },
    }),
    column.display({
      id: 'joinedAt',
      header: 'Joined',
      cell: ({ row }) => <DateCell at={row.original.joinedAt} />,
    }),
    column.display({
      id: 'lastSignInAt',
      header: 'Last sign-in',
      cell: ({ row }) => <AgoCell at={row.original.lastSignInAt} />,
    }),
  ];
  if (manage) {
    columns.push(
      actionsColumn((member) =>
        memberAccess(ctx, member).removable ? (
          <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => ctx.onRemove(member)} data-testid="member-remove">
            Remove
          </button>
        ) : null,
      ),
    );
  }
  return columns;
}
