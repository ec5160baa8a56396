/**
 * The guard of the signed-in app: waits for the session, sends signed-out users to /login, and
 * makes sure a valid environment is chosen before any data query runs.
 */
import type { ReactNode } from 'react';
import { useLayoutEffect } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Alert } from '../components/alert';
import { ErrorAlert } from '../components/error-alert';
import { Spinner } from '../components/spinner';
import { setEnvironmentId, useEnvironmentId } from '../lib/env-store';
import { resolveEnvironmentId, useSession } from '../lib/session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useSession();
  const stored = useEnvironmentId();
  const resolved = session.data ? resolveEnvironmentId(session.data, stored) : stored;

  useLayoutEffect(() => {
    if (session.data && resolved !== stored) setEnvironmentId(resolved);
  }, [session.data, resolved, stored]);

  if (session.isPending) return <FullPageSpinner />;
  if (session.isError) {
    return (
      <div className="center-page">
        <ErrorAlert error={session.error} title="Could not load your account" onRetry={() => session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (session.data.workspaces.length === 0) {
    return (
      <div className="center-page">
        <Alert tone="warning" title="No workspace">
          Your account is not a member of any workspace. Ask a workspace owner to add you.
        </Alert>
      </div>
    );
  }
  if (resolved !== stored) return <FullPageSpinner />;
  return children;
}

export function FullPageSpinner() {
  return (
    <div className="center-page">
      <Spinner />
    </div>
  );
}
