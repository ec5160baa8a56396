/**
 * The live estimate of the builder: asked once the rules have stopped changing for 400 ms and are
 * valid (the same contract check as the server's), kept per environment and rule set.
 */
import type { SegmentMatch, SegmentRule } from '@tenure/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEnvironmentId } from '../../lib/env-store';
import { trpcClient } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export function useSegmentEstimate(match: SegmentMatch, rules: SegmentRule[], valid: boolean) {
  const envId = useEnvironmentId();
  const key = JSON.stringify({ match, rules });
  const debounced = useDebouncedValue({ key, valid }, 400);
  const settled = debounced.key === key;
  const query = useQuery({
    queryKey: [envId, 'segments', 'estimate', debounced.key],
    queryFn: () => trpcClient.segments.estimate.mutate(JSON.parse(debounced.key) as { match: SegmentMatch; rules: SegmentRule[] }),
    enabled: debounced.valid,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { ...query, settling: !settled || query.isFetching };
}
