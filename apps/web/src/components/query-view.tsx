/**
 * The states of one query, in the order every page checks them: the error with a retry, a
 * placeholder until the first answer, an empty state when the answer holds nothing, the content.
 */
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

/** What these components read of a TanStack Query result. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  refetch: () => unknown;
}

export function QueryError({ query, title }: { query: QueryLike<unknown>; title: string }) {
  return <ErrorAlert error={query.error} title={title} onRetry={() => void query.refetch()} />;
}

export function QueryView<T>({
  query,
  errorTitle,
  loading,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  errorTitle: string;
  loading: ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isError) return <QueryError query={query} title={errorTitle} />;
  if (query.data === undefined) return loading;
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}

/**
 * A card's table over a query: the error (with a retry) in the card's body in place of the table;
 * otherwise the table, which draws its own loading rows and empty state.
 */
export function QueryList({ query, errorTitle, children }: { query: QueryLike<unknown>; errorTitle: string; children: ReactNode }) {
  if (query.isError) {
    return (
      <div className="card-body">
        <QueryError query={query} title={errorTitle} />
      </div>
    );
  }
  return children;
}
