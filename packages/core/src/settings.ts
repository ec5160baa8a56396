/** Per-environment analytics settings with ANALYTICS.md's defaults. */
import { type DB, type Kysely, workspaceQueries } from '@tenure/db';
import { z } from 'zod';

export const ZAnalyticsSettings = z
  .object({
    activeDays: z.number().int().min(1).max(365).default(30),
    churnDays: z.number().int().min(1).max(730).default(60),
    newDays: z.number().int().min(1).max(365).default(14),
    reactivationGapDays: z.number().int().min(1).max(730).default(60),
    recencyHorizonDays: z.number().int().min(1).max(730).default(60),
    engagementTarget: z.number().int().min(1).default(20),
    weights: z
      .object({
        recency: z.number().min(0).default(0.5),
        engagement: z.number().min(0).default(0.35),
        monetary: z.number().min(0).default(0.15),
      })
      .default({ recency: 0.5, engagement: 0.35, monetary: 0.15 })
      .refine((w) => Math.abs(w.recency + w.engagement + w.monetary - 1) < 1e-9, 'weights must sum to 1'),
    lowRiskMin: z.number().min(0).max(100).default(70),
    mediumRiskMin: z.number().min(0).max(100).default(40),
    allowPublishableRevenue: z.boolean().default(false),
  })
  .refine((s) => s.lowRiskMin > s.mediumRiskMin, { message: 'lowRiskMin must be greater than mediumRiskMin', path: ['lowRiskMin'] });

export type AnalyticsSettings = z.infer<typeof ZAnalyticsSettings>;

export interface EnvironmentInfo {
  id: string;
  workspaceId: string;
  mode: 'live' | 'test';
  currency: string;
  settings: AnalyticsSettings;
}

export async function loadEnvironment(db: Kysely<DB>, envId: string): Promise<EnvironmentInfo> {
  const row = await workspaceQueries.findEnvironmentById(db, envId);
  if (!row) throw new Error(`environment ${envId} vanished`);
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    mode: row.mode,
    currency: row.currency,
    settings: ZAnalyticsSettings.parse(row.settings ?? {}),
  };
}
