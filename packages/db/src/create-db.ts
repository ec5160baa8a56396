/** The one database factory: `pg` when DATABASE_URL is set, else embedded PGlite in TENURE_DATA_DIR. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types';

export interface DbConfig {
  /** postgres://… ; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** pg pool size. */
  poolSize?: number;
}

export interface Database {
  db: Kysely<DB>;
  driver: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

// Counts and sums come back as numbers on both drivers (values stay far below 2^53).
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

export function createDb(config: DbConfig = {}): Database {
  // jsonb documents (attributes, properties) keep their own key spelling.
  const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its server (restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, driver: 'postgres', close: () => db.destroy() };
  }
  const dataDir = config.dataDir ?? './.data';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, { parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins });
  return { db, driver: 'pglite', close: () => db.destroy() };
}
