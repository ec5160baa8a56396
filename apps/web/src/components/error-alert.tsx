/** Shows the server's error message (and its `issues`), with an optional retry. */
import { errorIssues, errorMessage } from '../lib/errors';
import { Alert } from './alert';
import { Icon } from './icons';

export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const issues = errorIssues(error);
  return (
    <Alert
      tone="error"
      title={title ?? errorMessage(error)}
      action={
        onRetry && (
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            <Icon name="refresh" /> Retry
          </button>
        )
      }
    >
      {title && <p>{errorMessage(error)}</p>}
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
