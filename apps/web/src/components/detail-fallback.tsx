/** What a detail page shows before its item is there, under the link back to its list. */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorCode } from '../lib/errors';
import { EmptyState } from './empty-state';
import { Icon, type IconName } from './icons';
import { QueryError, type QueryLike } from './query-view';

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      <Icon name="chevronLeft" /> {children}
    </Link>
  );
}

/**
 * A placeholder while the item loads; "not found" when the server says NOT_FOUND (deleted, or in
 * another environment); any other error with a retry.
 */
export function DetailFallback({
  back,
  query,
  loading,
  notFound,
  errorTitle,
}: {
  back: ReactNode;
  query: QueryLike<unknown> & { isPending: boolean };
  loading: ReactNode;
  /** `explain`: say why an id may not be found. */
  notFound: { icon: IconName; title: string; explain?: boolean };
  errorTitle: string;
}) {
  return (
    <div className="stack">
      {back}
      {query.isPending ? (
        loading
      ) : errorCode(query.error) === 'NOT_FOUND' ? (
        <EmptyState icon={notFound.icon} title={notFound.title}>
          {notFound.explain && <p>It may have been deleted, or it belongs to another environment.</p>}
        </EmptyState>
      ) : (
        <QueryError query={query} title={errorTitle} />
      )}
    </div>
  );
}
