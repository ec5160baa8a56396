/** The typed tRPC client and its React Query integration (types only from @tenure/api). */
import type { AppRouter } from '@tenure/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { getEnvironmentId } from './env-store';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Query keys carry the environment id as their prefix (see env-store). */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter, { keyPrefix: true }>();

export const ENVIRONMENT_HEADER = 'x-tenure-environment';

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      headers: () => {
        const envId = getEnvironmentId();
        return envId ? { [ENVIRONMENT_HEADER]: envId } : {};
      },
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
    }),
  ],
});
