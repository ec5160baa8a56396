import type { TApiKey } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { toast } from '../../components/toaster';
import { useTRPC } from '../../lib/trpc';

export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: TApiKey | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    ...trpc.apiKeys.revoke.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
      toast.success('Key revoked');
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={apiKey !== null}
      onClose={close}
      title="Revoke this key?"
      confirmLabel="Revoke key"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() => apiKey && revoke.mutate({ id: apiKey.id })}
    >
      <p>
        Requests with <code>{apiKey?.prefix}…</code> {apiKey?.name ? `(${apiKey.name}) ` : ''}will be refused immediately. This cannot be
        undone.
      </p>
    </ConfirmDialog>
  );
}
