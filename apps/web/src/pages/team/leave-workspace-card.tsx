/** Leaving the workspace: any member may, except the last owner (the server refuses; the button says why first). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { toast } from '../../components/toaster';
import { SESSION_KEY, useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

export function LeaveWorkspaceCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { workspace, session } = useCurrent();
  const [confirming, setConfirming] = useState(false);
  const members = useQuery(trpc.team.members.list.queryOptions());
  const owners = members.data?.members.filter((m) => m.role === 'owner') ?? [];
  const lastOwner = owners.length === 1 && owners[0]?.userId === session.user.id;
  const leave = useMutation({
    ...trpc.team.leave.mutationOptions(),
    onSuccess: async () => {
      toast.success(`You left ${workspace.name}`);
      setConfirming(false);
      // The auth guard then moves to another workspace, or says there is none.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/customers', { replace: true });
    },
  });

  return (
    <div className="card">
      <div className="card-body row team-leave">
        <div>
          <strong>Leave {workspace.name}</strong>
          <p className="muted small">
            {lastOwner
              ? 'You are the only owner: make someone else an owner before you leave.'
              : 'You lose access to both environments. An owner or admin can invite you again.'}
          </p>
        </div>
        <button
          type="button"
          className="btn btn-danger-outline"
          onClick={() => setConfirming(true)}
          disabled={lastOwner}
          data-testid="team-leave"
        >
          Leave workspace
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          leave.reset();
          setConfirming(false);
        }}
        title={`Leave ${workspace.name}?`}
        confirmLabel="Leave workspace"
        pending={leave.isPending}
        error={leave.error}
        onConfirm={() => leave.mutate()}
      >
        <p>You will no longer see its customers, events or keys.</p>
      </ConfirmDialog>
    </div>
  );
}
