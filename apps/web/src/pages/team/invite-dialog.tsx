/**
 * Invite by email and role (validated with the contract's schema), then show the one-time link
 * with a copy button: only its hash is stored, so this is the only time it can be shown.
 */
import { type Role, type TInviteCreate, ZInviteCreate } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/alert';
import { SecretBox } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { FormActions, TextField } from '../../components/form';
import { formatDateTime } from '../../lib/format';
import { type RouterOutputs, useTRPC } from '../../lib/trpc';
import { assignableRoles, ROLE_DESCRIPTION, ROLE_LABEL } from './roles';

type Created = RouterOutputs['team']['invites']['create'];

interface Props {
  open: boolean;
  myRole: Role;
  workspaceName: string;
  onClose: () => void;
}

export function InviteDialog({ open, myRole, workspaceName, onClose }: Props) {
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={created ? 'Invite link' : `Invite to ${workspaceName}`} testId="invite-dialog">
      {created ? <InviteLink created={created} onDone={close} /> : <InviteForm myRole={myRole} onCreated={setCreated} onClose={close} />}
    </Dialog>
  );
}

/** TENURE_PUBLIC_URL or the request's origin, as the server built it; the path on this origin otherwise. */
function linkOf(created: Created): string {
  return created.url ?? new URL(created.path, window.location.origin).href;
}

function InviteLink({ created, onDone }: { created: Created; onDone: () => void }) {
  const link = linkOf(created);
  return (
    <div className="stack">
      <Alert tone="success" title={`Invite for ${created.invite.email} created`}>
        Send this link to them yourself: Tenure does not mail it. It works once, until {formatDateTime(created.invite.expiresAt)}.
      </Alert>
      <SecretBox secret={link} testId="invite-link" />
      <p className="muted small">Copy it now: only a hash is kept, so it cannot be shown again. Lost it? Invite the same email again.</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function InviteForm({ myRole, onCreated, onClose }: { myRole: Role; onCreated: (c: Created) => void; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = assignableRoles(myRole, null);
  const [form, setForm] = useState<TInviteCreate>({ email: '', role: roles.includes('member') ? 'member' : (roles[0] ?? 'viewer') });
  const [emailError, setEmailError] = useState<string | null>(null);

  const create = useMutation({
    ...trpc.team.invites.create.mutationOptions(),
    onSuccess: (created) => {
      void queryClient.invalidateQueries(trpc.team.invites.list.queryFilter());
      onCreated(created);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZInviteCreate.safeParse({ ...form, email: form.email.trim() });
    if (!parsed.success) {
      setEmailError(parsed.error.issues.find((i) => i.path[0] === 'email')?.message ?? 'Check the form');
      return;
    }
    setEmailError(null);
    create.mutate(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        placeholder="name@company.com"
        value={form.email}
        onChange={(e) => setForm({ ...form, email: e.target.value })}
        error={emailError}
        testId="invite-email"
      />
      <fieldset className="fieldset">
        <legend>Role</legend>
        {roles.map((role) => (
          <label key={role} className="radio-card">
            <input
              type="radio"
              name="role"
              checked={form.role === role}
              onChange={() => setForm({ ...form, role })}
              data-testid={`invite-role-${role}`}
            />
            <span>
              <strong>{ROLE_LABEL[role]}</strong>
              <span className="muted small">{ROLE_DESCRIPTION[role]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {create.error && <ErrorAlert error={create.error} title="Could not create the invite" />}
      <FormActions onCancel={onClose} pending={create.isPending} pendingLabel="Creating…" testId="invite-submit">
        Create invite link
      </FormActions>
    </form>
  );
}
