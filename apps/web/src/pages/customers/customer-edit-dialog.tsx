/** Edit a customer's profile fields and attributes (`customers.update`, PATCH semantics). */
import type { TCustomer } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { FormActions } from '../../components/form';
import { toast } from '../../components/toaster';
import { useTRPC } from '../../lib/trpc';
import { AttributeEditor } from './attribute-editor';
import { attributeDrafts, buildCustomerUpdate, PROFILE_FIELDS, profileDraft } from './customer-edit-model';

interface Props {
  customer: TCustomer;
  open: boolean;
  onClose: () => void;
}

export function CustomerEditDialog({ customer, open, onClose }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Edit customer" variant="wide">
      <EditForm customer={customer} onClose={onClose} />
    </Dialog>
  );
}

function EditForm({ customer, onClose }: { customer: TCustomer; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [profile, setProfile] = useState(() => profileDraft(customer));
  const [drafts, setDrafts] = useState(() => attributeDrafts(customer.attributes));
  const [localErrors, setLocalErrors] = useState<string[]>([]);

  const update = useMutation({
    ...trpc.customers.update.mutationOptions(),
    onSuccess: (data) => {
      queryClient.setQueryData(trpc.customers.get.queryKey({ id: customer.id }), { customer: data.customer });
      void queryClient.invalidateQueries(trpc.customers.pathFilter());
      toast.success('Customer saved');
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { changes, errors } = buildCustomerUpdate(customer, profile, drafts);
    setLocalErrors(errors);
    if (errors.length > 0) return;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: customer.id, ...changes });
  };

  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        {PROFILE_FIELDS.map((field) => (
          <label key={field.key} className="field">
            <span className="field-label">{field.label}</span>
            <input
              className="input"
              type={'type' in field ? field.type : 'text'}
              min={field.key === 'teamSize' ? 0 : undefined}
              step={field.key === 'teamSize' ? 1 : undefined}
              value={profile[field.key]}
              onChange={(e) => setProfile((p) => ({ ...p, [field.key]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="muted small">Empty fields are cleared. Computed fields (health, LTV, lifecycle) update from events.</p>
      <AttributeEditor drafts={drafts} onChange={setDrafts} />
      {localErrors.length > 0 && (
        <Alert tone="error" title="Fix these fields first">
          <ul className="issue-list">
            {localErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {update.error && <ErrorAlert error={update.error} title="Could not save the customer" />}
      <FormActions onCancel={onClose} pending={update.isPending} pendingLabel="Saving…">
        Save changes
      </FormActions>
    </form>
  );
}
