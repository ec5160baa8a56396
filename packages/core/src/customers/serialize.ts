/** The one mapper from a customer row to the API's Customer object. */
import type { TCustomer } from '@tenure/contract';
import type { customerReadQueries } from '@tenure/db';
import { fromMinor } from '../money';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Scores are exact as of the later of their last write and their last check that found them unchanged. */
function scoresComputedAt(row: customerReadQueries.CustomerReadRow): Date | null {
  const { scoresComputedAt: written, scoresCheckedAt: checked } = row;
  if (!written || !checked) return written ?? checked;
  return new Date(Math.max(written.getTime(), checked.getTime()));
}

export function toCustomer(row: customerReadQueries.CustomerReadRow): TCustomer {
  return {
    id: row.id,
    externalId: row.externalId,
    email: row.email,
    name: row.name,
    company: row.company,
    role: row.role,
    teamSize: row.teamSize,
    locale: row.locale,
    plan: row.plan,
    clickId: row.clickId,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    lifecycleStage: row.lifecycleStage as TCustomer['lifecycleStage'],
    health: row.health,
    healthComponents: row.healthComponents ?? null,
    previousHealth: row.previousHealth,
    engagementScore: row.engagementScore,
    expansionScore: row.expansionScore,
    riskLevel: row.riskLevel as TCustomer['riskLevel'],
    ltv: fromMinor(Number(row.revenueMinor)),
    acquisition: {
      source: row.acqSource,
      medium: row.acqMedium,
      campaign: row.acqCampaign,
      clickId: row.acqClickId,
      referrer: row.acqReferrer,
      landingUrl: row.acqLandingUrl,
      firstSeenAt: row.firstSeenAt.toISOString(),
    },
    lastActivityAt: iso(row.lastEventAt),
    scoresComputedAt: iso(scoresComputedAt(row)),
    segments: row.segments.map((s) => ({ id: s.id, name: s.name, since: new Date(s.since).toISOString() })),
    nextAction: row.nextAction ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
