/**
 * What each lifecycle stage means under an environment's settings (ANALYTICS.md "Scores"), in
 * words for tooltips and captions. The rule order matters: a customer gets the first stage that applies.
 */
import type { LIFECYCLE_STAGES, TAnalyticsSettings } from '@tenure/contract';

export type Stage = (typeof LIFECYCLE_STAGES)[number];

/** The order charts and legends list stages in: from healthy to lost. */
export const STAGE_ORDER: readonly Stage[] = ['new', 'active', 'reactivated', 'at_risk', 'dormant', 'churned'];

export function stageDescription(stage: Stage, s: TAnalyticsSettings): string {
  switch (stage) {
    case 'new':
      return `First seen in the last ${s.newDays} days`;
    case 'active':
      return `Events in the last ${s.churnDays} days and health at least ${s.mediumRiskMin}`;
    case 'reactivated':
      return `Came back in the last 30 days after ${s.reactivationGapDays}+ days without events`;
    case 'at_risk':
      return `Health below ${s.mediumRiskMin} (high risk)`;
    case 'dormant':
      return 'Signed up, no events yet';
    case 'churned':
      return `No event in the last ${s.churnDays} days`;
  }
}
