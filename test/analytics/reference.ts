/**
 * ANALYTICS.md's stored scores written a second time, plainly, in JavaScript: the tests compare
 * the engine's SQL with this model (never with the code under test).
 */
export const DAY = 86_400_000;

export interface RefSettings {
  churnDays: number;
  newDays: number;
  reactivationGapDays: number;
  recencyHorizonDays: number;
  engagementTarget: number;
  weights: { recency: number; engagement: number; monetary: number };
  lowRiskMin: number;
  mediumRiskMin: number;
}

export const DEFAULTS: RefSettings = {
  churnDays: 60,
  newDays: 14,
  reactivationGapDays: 60,
  recencyHorizonDays: 60,
  engagementTarget: 20,
  weights: { recency: 0.5, engagement: 0.35, monetary: 0.15 },
  lowRiskMin: 70,
  mediumRiskMin: 40,
};

/** An event by its effective time, revenue in currency units. */
export interface RefEvent {
  at: Date;
  revenue?: number;
}

export interface RefScores {
  health: number | null;
  healthComponents: { recency: number; engagement: number; monetary: number } | null;
  engagementScore: number;
  expansionScore: number;
  riskLevel: 'low' | 'medium' | 'high' | null;
  lifecycleStage: 'new' | 'dormant' | 'active' | 'reactivated' | 'at_risk' | 'churned';
}

/** Half away from zero; the 1e-9 absorbs binary error at exact ties (0.35 × 23 = 8.049999…). */
export function roundHalfAway(x: number, places = 0): number {
  const f = 10 ** places;
  return (Math.sign(x) * Math.floor(Math.abs(x) * f + 0.5 + 1e-9)) / f;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function referenceScores(all: RefEvent[], firstSeenAt: Date, s: RefSettings, now: Date): RefScores {
  const t = now.getTime();
  const events = all.filter((e) => e.at.getTime() <= t).sort((a, b) => a.at.getTime() - b.at.getTime());
  const within = (e: RefEvent, days: number) => e.at.getTime() > t - days * DAY;
  const cents = (list: RefEvent[]) => list.reduce((sum, e) => sum + Math.round((e.revenue ?? 0) * 100), 0);
  const last30 = events.filter((e) => within(e, 30));
  const prev30 = events.filter((e) => !within(e, 30) && within(e, 60));
  const r30 = cents(last30) / 100;
  const rPrev = cents(prev30) / 100;
  const engagement = roundHalfAway(100 * Math.min(1, Math.log(1 + last30.length) / Math.log(1 + s.engagementTarget)));
  const growth = rPrev > 0 ? clamp((r30 - rPrev) / rPrev, 0, 1) : r30 > 0 ? 1 : 0;
  const expansion = roundHalfAway(100 * (0.6 * growth + (0.4 * engagement) / 100));

  let health: number | null = null;
  let components: RefScores['healthComponents'] = null;
  let risk: RefScores['riskLevel'] = null;
  const lastAt = events.at(-1)?.at;
  if (lastAt) {
    const recencyDays = (t - lastAt.getTime()) / DAY;
    const R = 100 * clamp(1 - recencyDays / s.recencyHorizonDays, 0, 1);
    const M = 50 + 50 * clamp((r30 - rPrev) / Math.max(Math.abs(r30), Math.abs(rPrev), 1), -1, 1);
    health = roundHalfAway(s.weights.recency * R + s.weights.engagement * engagement + s.weights.monetary * M);
    components = { recency: roundHalfAway(R, 2), engagement, monetary: roundHalfAway(M, 2) };
    risk = health >= s.lowRiskMin ? 'low' : health >= s.mediumRiskMin ? 'medium' : 'high';
  }

  const seen = firstSeenAt.getTime();
  const reactivated = last30.some((e) => {
    const i = events.indexOf(e);
    const previous = i > 0 ? (events[i - 1] as RefEvent).at.getTime() : seen;
    return e.at.getTime() - previous >= s.reactivationGapDays * DAY;
  });
  let stage: RefScores['lifecycleStage'];
  if (!events.some((e) => within(e, s.churnDays)) && seen <= t - s.churnDays * DAY) stage = 'churned';
  else if (seen > t - s.newDays * DAY) stage = 'new';
  else if (events.length === 0) stage = 'dormant';
  else if (reactivated) stage = 'reactivated';
  else if (risk === 'high') stage = 'at_risk';
  else stage = 'active';

  return {
    health,
    healthComponents: components,
    engagementScore: engagement,
    expansionScore: expansion,
    riskLevel: risk,
    lifecycleStage: stage,
  };
}
