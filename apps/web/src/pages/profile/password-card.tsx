/** Change the password: needs the current one; every other session is signed out, this one stays. */
import { MIN_PASSWORD_LENGTH, ZPasswordChange } from '@tenure/contract';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/form';
import { toast } from '../../components/toaster';
import { useTRPC } from '../../lib/trpc';
import { FormCard } from './form-card';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function PasswordCard() {
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof typeof EMPTY, string>>>({});
  const change = useMutation({
    ...trpc.profile.changePassword.mutationOptions(),
    onSuccess: ({ endedSessions }) => {
      setForm(EMPTY);
      toast.success(
        endedSessions > 0
          ? `Password changed; ${endedSessions} other session${endedSessions === 1 ? '' : 's'} signed out`
          : 'Password changed',
      );
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZPasswordChange.safeParse(form);
    const found: typeof problems = {};
    for (const issue of parsed.error?.issues ?? []) found[issue.path[0] as keyof typeof EMPTY] ??= issue.message;
    if (form.confirm !== form.newPassword) found.confirm = 'The two new passwords differ';
    setProblems(found);
    if (parsed.success && !found.confirm) change.mutate(parsed.data);
  };

  const field = (key: keyof typeof EMPTY, label: string, autoComplete: string) => (
    <TextField
      label={label}
      type="password"
      autoComplete={autoComplete}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      error={problems[key]}
      testId={`profile-${key}`}
    />
  );

  return (
    <FormCard
      title="Password"
      onSubmit={submit}
      error={change.error}
      submit={{ children: 'Change password', pending: change.isPending, pendingLabel: 'Changing…', testId: 'profile-password-save' }}
    >
      {field('currentPassword', 'Current password', 'current-password')}
      {field('newPassword', `New password (at least ${MIN_PASSWORD_LENGTH} characters)`, 'new-password')}
      {field('confirm', 'New password again', 'new-password')}
      <p className="muted small">Your other sessions (other browsers and devices) are signed out; this one stays.</p>
    </FormCard>
  );
}
