/** Sign in with email and password; the server sets the session cookie. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZLoginInput } from '@tenure/contract';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
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
    <div className="login-page">
      <div className="login-card card">
        <div className="card-body">
          <div className="brand brand-center">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span className="brand-name">Tenure</span>
          </div>
          <h1 className="login-title">Sign in</h1>
          <p className="muted login-subtitle">Customer analytics for your team.</p>
          <form className="form" onSubmit={submit} noValidate>
            <label className="field">
              <span className="field-label">Email</span>
              <input
                className="input"
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={!!issues.email}
                data-testid="login-email"
              />
              {issues.email && <span className="field-error">{issues.email}</span>}
            </label>
            <label className="field">
              <span className="field-label">Password</span>
              <input
                className="input"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={!!issues.password}
                data-testid="login-password"
              />
              {issues.password && <span className="field-error">{issues.password}</span>}
            </label>
            {login.error && <ErrorAlert error={login.error} />}
            <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending} data-testid="login-submit">
              {login.isPending ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
