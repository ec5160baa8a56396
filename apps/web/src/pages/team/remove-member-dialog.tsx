import type { TMember } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { toast } from '../../components/toaster';
import { useTRPC } from '../../lib/trpc';

export function RemoveMemberDialog({
  member,
  workspaceName,
  onClose,
}: {
  member: TMember | null;
  workspaceName: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation({
    ...trpc.team.members.remove.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.team.members.list.queryFilter());
      toast.success(`${member?.name ?? member?.email} was removed`);
      close();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={member !== null}
      onClose={close}
      title="Remove this member?"
      confirmLabel="Remove member"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => member && remove.mutate({ userId: member.userId })}
    >
      <p>
        <strong>{member?.name ?? member?.email}</strong> loses access to {workspaceName} (both environments) at once. Their account stays;
        invite them again to bring them back.
      </p>
    </ConfirmDialog>
  );
}
