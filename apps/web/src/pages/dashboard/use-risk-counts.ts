/**
 * Customers per risk level. `customers.stats` has no risk breakdown, so this asks
 * `customers.count` once per level (three small queries); customers without events have no risk
 * level and make up the rest of the total.
 */
import { RISK_LEVELS } from '@tenure/contract';
import { useQueries } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RiskCounts = Record<RiskLevel, number>;

export function useRiskCounts() {
  const trpc = useTRPC();
  return useQueries({
    queries: RISK_LEVELS.map((riskLevel) => trpc.customers.count.queryOptions({ riskLevel })),
    combine: (results) => {
      const error = results.find((r) => r.isError)?.error ?? null;
      const counts = results.every((r) => r.data !== undefined)
        ? (Object.fromEntries(RISK_LEVELS.map((level, i) => [level, results[i]?.data?.count ?? 0])) as RiskCounts)
        : undefined;
      return {
        counts,
        error,
        isPending: results.some((r) => r.isPending),
        refetch: () => Promise.all(results.filter((r) => r.isError).map((r) => r.refetch())),
      };
    },
  });
}
