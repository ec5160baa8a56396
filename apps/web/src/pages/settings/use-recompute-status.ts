/**
 * Where the recompute of every customer's scores stands. A settings change queues it as a
 * background job (`analytics.updateSettings` answers with its first status); this hook follows it
 * through `analytics.recomputeStatus`, polling once a second while it is queued or running, and
 * refreshes the customer data once it is done. It also shows a recompute already running when the
 * page opens (another admin's change, or a reload).
 */
import type { TRecomputeStatus } from '@tenure/contract';
import type { TRPCClientErrorLike } from '@trpc/client';
import { type UseMutationResult, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppRouter } from '@tenure/api';
import { useEffect, useRef } from 'react';
import { type RouterInputs, type RouterOutputs, useTRPC } from '../../lib/trpc';

export type SaveSettingsMutation = UseMutationResult<
  RouterOutputs['analytics']['updateSettings'],
  TRPCClientErrorLike<AppRouter>,
  RouterInputs['analytics']['updateSettings']
>;

export type RecomputeStatus =
  | { state: 'idle' }
  /** The save itself is in flight. */
  | { state: 'saving' }
  /** `progress` is null while queued (the total is known once it starts). */
  | { state: 'running'; progress: { examined: number; total: number } | null }
  /** `fromThisSave`: the recompute the last save here started, rather than an earlier one. */
  | { state: 'done'; recompute: TRecomputeStatus; fromThisSave: boolean }
  | { state: 'failed'; recompute: TRecomputeStatus }
  /** Saved, but no setting the scores depend on changed: nothing to recompute. */
  | { state: 'not-needed' };

const isActive = (r: TRecomputeStatus | null | undefined) => r?.state === 'queued' || r?.state === 'running';

export function useRecomputeStatus(save: SaveSettingsMutation): RecomputeStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({
    ...trpc.analytics.recomputeStatus.queryOptions(),
    staleTime: 0,
    refetchInterval: (query) => (isActive(query.state.data?.recompute) ? 1000 : false),
  });
  const current = status.data?.recompute ?? null;

  // The save's answer is the recompute's first status: start following it right away.
  const started = save.data?.recompute;
  useEffect(() => {
    if (started) queryClient.setQueryData(trpc.analytics.recomputeStatus.queryKey(), { recompute: started });
  }, [started, queryClient, trpc]);

  // Stages, risk levels and health of every customer may have moved once a recompute finishes.
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !isActive(current)) void queryClient.invalidateQueries(trpc.customers.pathFilter());
    wasActive.current = isActive(current);
  }, [current, queryClient, trpc]);

  if (save.isPending) return { state: 'saving' };
  if (save.isSuccess && save.data.recompute === null) return { state: 'not-needed' };
  if (!current) return { state: 'idle' };
  if (current.state === 'queued') return { state: 'running', progress: null };
  if (current.state === 'running')
    return { state: 'running', progress: current.total === null ? null : { examined: current.examined, total: current.total } };
  if (current.state === 'failed') return { state: 'failed', recompute: current };
  return { state: 'done', recompute: current, fromThisSave: save.data?.recompute?.requestedAt === current.requestedAt };
}
