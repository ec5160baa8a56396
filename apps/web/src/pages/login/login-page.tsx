/** Sign in with email and password; the server sets the session cookie. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZLoginInput } from '@tenure/contract';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { AuthCard } from '../../components/auth-card';
import { ErrorAlert } from '../../components/error-alert';
import { SubmitButton, TextField } from '../../components/form';
import { SESSION_KEY, useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

function targetAfterLogin(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only same-app paths: never bounce to another origin or back to /login.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/dashboard';
}

export default function LoginPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});

  const login = useMutation({
    ...trpc.auth.login.mutationOptions(),
    onSuccess: (data) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, data);
      navigate(targetAfterLogin(location.state), { replace: true });
    },
  });

  if (session.data && !login.isPending && !login.isSuccess) {
    return <Navigate to={targetAfterLogin(location.state)} replace />;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZLoginInput.safeParse({ email: email.trim(), password });
    setIssues(parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    if (parsed.success) login.mutate(parsed.data);
  };

  return (
    <AuthCard>
      <h1 className="login-title">Sign in</h1>
      <p className="muted login-subtitle">Customer analytics for your team.</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={issues.email}
          testId="login-email"
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={issues.password}
          testId="login-password"
        />
        {login.error && <ErrorAlert error={login.error} />}
        <SubmitButton block pending={login.isPending} pendingLabel="Signing in…" testId="login-submit">
          Sign in
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
