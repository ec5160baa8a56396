/**
 * Accepting an invite: a new account chooses a name and password (the email is the invite's), an
 * existing account signs in with its password. Success signs in and opens the joined workspace.
 */
import { MIN_PASSWORD_LENGTH, type TInviteAccept, type TInvitePreview, ZInviteAccept } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { SubmitButton, TextField } from '../../components/form';
import { setEnvironmentId } from '../../lib/env-store';
import { SESSION_KEY } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

type Field = 'name' | 'password' | 'confirm';

export function AcceptInviteForm({ token, invite }: { token: string; invite: TInvitePreview }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const creating = !invite.accountExists;
  const [form, setForm] = useState({ name: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const accept = useMutation({
    ...trpc.team.invites.accept.mutationOptions(),
    onSuccess: ({ workspaceId, ...session }) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, session);
      const joined = session.workspaces.find((w) => w.id === workspaceId);
      setEnvironmentId((joined?.environments.find((e) => e.mode === 'live') ?? joined?.environments[0])?.id ?? null);
      navigate('/dashboard', { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: TInviteAccept = creating
      ? { token, mode: 'create', name: form.name, password: form.password }
      : { token, mode: 'signIn', password: form.password };
    const parsed = ZInviteAccept.safeParse(input);
    const found: typeof problems = {};
    for (const issue of parsed.error?.issues ?? []) found[issue.path[0] as Field] ??= issue.message;
    if (creating && form.confirm !== form.password) found.confirm = 'The two passwords differ';
    setProblems(found);
    if (parsed.success && Object.keys(found).length === 0) accept.mutate(parsed.data);
  };

  const field = (key: Field, label: string, type: string, autoComplete: string) => (
    <TextField
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      error={problems[key]}
      testId={`invite-accept-${key}`}
    />
  );

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label className="field">
        <span className="field-label">Email</span>
        <input className="input" type="email" autoComplete="username" value={invite.email} readOnly disabled />
      </label>
      {creating && field('name', 'Your name', 'text', 'name')}
      {field(
        'password',
        creating ? `Choose a password (at least ${MIN_PASSWORD_LENGTH} characters)` : 'Your password',
        'password',
        creating ? 'new-password' : 'current-password',
      )}
      {creating && field('confirm', 'Password again', 'password', 'new-password')}
      {accept.error && <ErrorAlert error={accept.error} />}
      <SubmitButton block pending={accept.isPending} pendingLabel="Joining…" testId="invite-accept-submit">
        {creating ? 'Create account and join' : 'Sign in and join'}
      </SubmitButton>
    </form>
  );
}
