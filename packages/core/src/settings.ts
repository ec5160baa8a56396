/** The environment an operation runs in, with its analytics settings (schema: @tenure/contract). */
import { type TAnalyticsSettings, ZAnalyticsSettings } from '@tenure/contract';
import { type DB, type Kysely, workspaceQueries } from '@tenure/db';

export { ZAnalyticsSettings };
export type AnalyticsSettings = TAnalyticsSettings;

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
