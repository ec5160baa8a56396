/** What the server's readiness check and first run ask of the database, through core like every other read. */
import { type DB, type Kysely, maintenanceQueries, workspaceQueries } from '@tenure/db';

/** Resolves when the database answers, rejects when it does not (or not within `timeoutMs`). */
export async function pingDatabase(db: Kysely<DB>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      maintenanceQueries.ping(db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A database nobody has set up yet: no workspace at all (the first run creates the demo one). */
export async function isFreshInstallation(db: Kysely<DB>): Promise<boolean> {
  return (await workspaceQueries.countWorkspaces(db)) === 0;
}
