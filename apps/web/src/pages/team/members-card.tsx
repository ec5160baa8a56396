/** The members table: everyone sees it; owners and admins change roles and remove people from it. */
import type { TMember } from '@tenure/contract';
import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Icon } from '../../components/icons';
import { QueryList } from '../../components/query-view';
import { formatCount } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { memberColumns } from './member-columns';
import { RemoveMemberDialog } from './remove-member-dialog';

export function MembersCard() {
  const trpc = useTRPC();
  const { session, workspace } = useCurrent();
  const [removing, setRemoving] = useState<TMember | null>(null);
  const list = useQuery(trpc.team.members.list.queryOptions());
  const members = useMemo(() => list.data?.members ?? [], [list.data]);
  const ownerCount = members.filter((m) => m.role === 'owner').length;

  const columns = useMemo(
    () => memberColumns({ myRole: workspace.role, myUserId: session.user.id, ownerCount, onRemove: setRemoving }),
    [workspace.role, session.user.id, ownerCount],
  );
  const table = useReactTable({ data: members, columns, getRowId: (m) => m.userId, getCoreRowModel: getCoreRowModel() });

  return (
    <div className="card">
      <div className="card-header">
        <h2>
          <Icon name="users" /> Members
        </h2>
        {list.data && <span className="muted small">{formatCount(members.length, 'person', 'people')}</span>}
      </div>
      <QueryList query={list} errorTitle="Could not load the members">
        <DataTable table={table} loading={list.isPending} skeletonRows={3} testId="members-table" rowTestId="members-row" />
      </QueryList>
      <RemoveMemberDialog member={removing} workspaceName={workspace.name} onClose={() => setRemoving(null)} />
    </div>
  );
}
