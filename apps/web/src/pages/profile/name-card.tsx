/** Change the display name (validated with the contract's schema). */
import { ZProfileUpdate } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/form';
import { toast } from '../../components/toaster';
import { SESSION_KEY, type TSession, useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { FormCard } from './form-card';

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
    <FormCard
      title="Name"
      onSubmit={submit}
      error={update.error}
      submit={{ children: 'Save name', pending: update.isPending, pendingLabel: 'Saving…', testId: 'profile-name-save' }}
    >
      <TextField
        label="Your name, as your team sees it"
        autoComplete="name"
        maxLength={255}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={invalid}
        testId="profile-name"
      />
      <p className="muted small">
        Signed in as <strong>{session.user.email}</strong>.
      </p>
    </FormCard>
  );
}
