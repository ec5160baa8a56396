/** Providers: React Query, tRPC (query keys prefixed with the environment id), the router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { Toaster } from '../components/toaster';
import { useEnvironmentId } from '../lib/env-store';
import { TRPCProvider, trpcClient } from '../lib/trpc';
import { createQueryClient } from './query-client';
import { FullPageSpinner } from './require-auth';
import { router } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const envId = useEnvironmentId();
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient} keyPrefix={envId ?? 'no-environment'}>
        <Suspense fallback={<FullPageSpinner />}>
          <RouterProvider router={router} />
        </Suspense>
        <Toaster />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
