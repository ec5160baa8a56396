/** Delete (soft delete + PII scrub) with a confirmation, then back to the list. */
import type { TCustomer } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { toast } from '../../components/toaster';
import { useTRPC } from '../../lib/trpc';

export function CustomerDeleteDialog({ customer, open, onClose }: { customer: TCustomer; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [erase, setErase] = useState(false);
  const remove = useMutation({
    ...trpc.customers.delete.mutationOptions(),
    onSuccess: () => {
      queryClient.removeQueries(trpc.customers.get.queryFilter({ id: customer.id }));
      void queryClient.invalidateQueries(trpc.customers.pathFilter());
      toast.success(erase ? 'Customer erased' : 'Customer deleted');
      navigate('/customers', { replace: true });
    },
  });
  const label = customer.name ?? customer.email ?? customer.externalId ?? customer.id;

  return (
    <ConfirmDialog
      open={open}
      onClose={() => {
        remove.reset();
        setErase(false);
        onClose();
      }}
      title={erase ? 'Erase customer?' : 'Delete customer?'}
      confirmLabel={erase ? 'Erase customer' : 'Delete customer'}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate({ id: customer.id, erase: erase ? 'true' : 'false' })}
    >
      <p>
        <strong>{label}</strong> will be removed from lists and their personal data (email, name, company, attributes, external id) is
        scrubbed. Their events and revenue stay in the aggregates. This cannot be undone.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={erase} onChange={(e) => setErase(e.target.checked)} data-testid="customer-erase" />
        <span>
          Also erase: scrub the personal properties and context of their events and block their external id, so later events for it are
          counted but not stored (right to erasure).
        </span>
      </label>
    </ConfirmDialog>
  );
}
