/** A page that failed to render (or whose lazy chunk failed to load), inside the shell. */
import { Link, useRouteError } from 'react-router-dom';
import { ErrorAlert } from '../components/error-alert';

export function RouteError() {
  const error = useRouteError();
  return (
    <div className="stack">
      <ErrorAlert error={error} title="This page failed to load" onRetry={() => window.location.reload()} />
      <p>
        <Link to="/customers">Back to customers</Link>
      </p>
    </div>
  );
}
