/**
 * The test database: PostgreSQL when DATABASE_URL is set, else an in-memory PGlite shared by
 * the test file (PGlite takes seconds to start: one per file, never one per test).
 */
import { createDb, type Database, migrateToLatest } from '@tenure/db';

export async function setupTestDb(): Promise<Database> {
  const database = createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 5 });
  await migrateToLatest(database.db);
  return database;
}
