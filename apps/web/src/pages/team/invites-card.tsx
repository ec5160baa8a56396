/** Open invites (owners and admins): who was invited, by whom, until when; revoke ends the link. */
import type { TInvite } from '@tenure/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { QueryList } from '../../components/query-view';
import { toast } from '../../components/toaster';
import { useRole } from '../../lib/use-role';
import { useTRPC } from '../../lib/trpc';
import { inviteColumns } from './invite-columns';

export function InvitesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const myRole = useRole();
  const [revoking, setRevoking] = useState<TInvite | null>(null);
  const list = useQuery(trpc.team.invites.list.queryOptions());
  const invites = useMemo(() => list.data?.invites ?? [], [list.data]);
  const columns = useMemo(() => inviteColumns(myRole, setRevoking, list.dataUpdatedAt), [myRole, list.dataUpdatedAt]);
  const table = useReactTable({ data: invites, columns, getRowId: (i) => i.id, getCoreRowModel: getCoreRowModel() });

  const revoke = useMutation({
    ...trpc.team.invites.revoke.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.team.invites.list.queryFilter());
      toast.success('Invite revoked');
      close();
    },
  });
  const close = () => {
    revoke.reset();
    setRevoking(null);
  };

  return (
    <div className="card">
      <div className="card-header">
        <h2>
          <Icon name="link" /> Pending invites
        </h2>
      </div>
      <QueryList query={list} errorTitle="Could not load the invites">
        <DataTable
          table={table}
          loading={list.isPending}
          skeletonRows={2}
          testId="invites-table"
          rowTestId="invites-row"
          empty={
            <EmptyState icon="userPlus" title="No pending invites">
              <p>Invite someone by email: you get a link to pass on, valid for 7 days.</p>
            </EmptyState>
          }
        />
      </QueryList>
      <ConfirmDialog
        open={revoking !== null}
        onClose={close}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      >
        <p>
          The link sent to <strong>{revoking?.email}</strong> stops working at once.
        </p>
      </ConfirmDialog>
    </div>
  );
}
