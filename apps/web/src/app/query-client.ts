/** The app's QueryClient: one place that reacts to a lost session, and sane retry defaults. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCode, isClientError, isUnauthorized } from '../lib/errors';
import { SESSION_KEY } from '../lib/session';

export function createQueryClient(): QueryClient {
  // An UNAUTHORIZED answer anywhere means the session is gone: marking it signed out makes the
  // auth guard send the user to /login (remembering where they were).
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) queryClient.setQueryData(SESSION_KEY, null);
    // FORBIDDEN may mean the role changed since auth.me was read: refresh it so the UI follows.
    else if (errorCode(error) === 'FORBIDDEN') void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
