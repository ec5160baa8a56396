/** Change the display name (validated with the contract's schema). */
import { ZProfileUpdate } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { toast } from '../../components/toaster';
import { SESSION_KEY, type TSession, useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

export function NameCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { session } = useCurrent();
  const [name, setName] = useState(session.user.name ?? '');
  const [invalid, setInvalid] = useState<string | null>(null);
  const update = useMutation({
    ...trpc.profile.update.mutationOptions(),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<TSession | null>(SESSION_KEY, (s) => (s ? { ...s, user } : s));
      toast.success('Name saved');
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZProfileUpdate.safeParse({ name });
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? 'Check the name');
      return;
    }
    setInvalid(null);
    update.mutate(parsed.data);
  };

  return (
    <div className="card">
      <div className="card-header">
        <h2>Name</h2>
      </div>
      <form className="card-body form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="field-label">Your name, as your team sees it</span>
          <input
            className="input"
            autoComplete="name"
            maxLength={255}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={invalid !== null}
            data-testid="profile-name"
          />
          {invalid && <span className="field-error">{invalid}</span>}
        </label>
        <p className="muted small">
          Signed in as <strong>{session.user.email}</strong>.
        </p>
        {update.error && <ErrorAlert error={update.error} />}
        <div>
          <button type="submit" className="btn btn-primary" disabled={update.isPending} data-testid="profile-name-save">
            {update.isPending ? 'Saving…' : 'Save name'}
          </button>
        </div>
      </form>
    </div>
  );
}
