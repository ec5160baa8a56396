/**
 * Why a customer is in its lifecycle stage, in one line, from the customer and the environment's
 * settings (ANALYTICS.md "Scores"). Days are counted as of `scoresComputedAt`, the moment the
 * stage was computed, so the reason matches the stage even when the scores are a little old.
 */
import type { TAnalyticsSettings, TCustomer } from '@tenure/contract';
import { humanize } from '../../lib/format';

export const DAY_MS = 86_400_000;

function wholeDays(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const ago = (n: number) => (n === 0 ? 'today' : `${days(n)} ago`);

/** `gapDays`: the gap before the comeback of a reactivated customer, when known (from its events). */
export function lifecycleReason(c: TCustomer, s: TAnalyticsSettings, gapDays: number | null = null): string {
  if (!c.scoresComputedAt) return 'Scores not computed yet: the stage is the initial one';
  const now = Date.parse(c.scoresComputedAt);
  const seen = wholeDays(Date.parse(c.acquisition.firstSeenAt), now);
  const idle = c.lastActivityAt ? wholeDays(Date.parse(c.lastActivityAt), now) : null;
  switch (c.lifecycleStage) {
    case 'churned':
      return idle === null
        ? `First seen ${ago(seen)}, never active (churned after ${s.churnDays} days)`
        : `No event in ${days(idle)} (churned after ${s.churnDays})`;
    case 'new':
      return `First seen ${ago(seen)} (new for ${s.newDays} days)`;
    case 'dormant':
      return 'Signed up, no events yet';
    case 'reactivated':
      return gapDays === null
        ? `Came back after at least ${days(s.reactivationGapDays)} without activity`
        : `Came back after ${days(gapDays)} without activity (reactivated after ${s.reactivationGapDays})`;
    case 'at_risk':
      return `Health ${c.health ?? '—'} is below ${s.mediumRiskMin} (high risk)`;
    case 'active':
      return `Events within the last ${s.churnDays} days and health ${c.health ?? '—'} (${c.riskLevel ? humanize(c.riskLevel).toLowerCase() : 'no'} risk)`;
  }
}
