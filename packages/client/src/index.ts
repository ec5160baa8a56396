/**
 * `@tenure/client`: a typed tRPC client over Tenure's router for server-to-server calls.
 *
 * @example
 * const tenure = createTenureClient({ url: 'http://127.0.0.1:3000', apiKey: process.env.TENURE_KEY! });
 * const { customers } = await tenure.customers.list.query({ limit: 5 });
 */
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@tenure/api';

export interface TenureClientOptions {
  /** The server's origin, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** A secret (`sk_…`) or publishable (`pk_…`) key. */
  apiKey: string;
  /** Extra headers for every request (e.g. an `Idempotency-Key`). */
  headers?: Record<string, string>;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
}

export type TenureClient = TRPCClient<AppRouter>;
export type { AppRouter };

export function createTenureClient(options: TenureClientOptions): TenureClient {
  const base = options.url.replace(/\/+$/, '');
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        headers: () => ({ ...options.headers, authorization: `Bearer ${options.apiKey}` }),
        fetch: options.fetch,
      }),
    ],
  });
}
