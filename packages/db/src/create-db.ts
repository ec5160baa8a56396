/** The one database factory: `pg` when DATABASE_URL is set, else embedded PGlite in TENURE_DATA_DIR. */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { NamedStatementClient } from './named-statements';
import type { DB } from './types';

export interface DbConfig {
  /** postgres://… ; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** pg pool size. */
  poolSize?: number;
}

/**
 * Plain SQL for a library that brings its own queries (the pg-boss job queue): parameterized
 * statements, and multi-statement scripts without parameters.
 */
export interface RawSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Database {
  db: Kysely<DB>;
  driver: 'postgres' | 'pglite';
  rawSql: RawSql;
  close(): Promise<void>;
}

/**
 * How long a query waits for a connection (a free pool client, or a new one's connect and
 * startup) before failing: REST.md answers 503 within 2 s when the database cannot be reached,
 * so this leaves room for the rest of the request inside those 2 s.
 */
const CONNECTION_TIMEOUT_MS = 1500;

/**
 * PGlite, loaded only when this process uses it: its module is large (the engine's glue code), and
 * a server on PostgreSQL that imported it anyway carried ~45 MB more resident memory under tsx.
 * `require` of its CommonJS build keeps `createDb` synchronous.
 */
function loadPGlite(): typeof import('@electric-sql/pglite') {
  return createRequire(import.meta.url)('@electric-sql/pglite');
}

const INT8 = 20;
const NUMERIC = 1700;

// Counts and sums come back as numbers on both drivers (values stay far below 2^53).
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

/** camelCase in TypeScript, snake_case in SQL; jsonb documents (attributes, properties) keep their own key spelling. */
export const CAMEL_CASE_OPTIONS = { maintainNestedObjectKeys: true } as const;

export function createDb(config: DbConfig = {}): Database {
  const plugins = [new CamelCasePlugin(CAMEL_CASE_OPTIONS)];
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      Client: NamedStatementClient,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its server (restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    const rawSql: RawSql = { executeSql: (text, values) => pool.query(text, values) };
    return { db, driver: 'postgres', rawSql, close: () => db.destroy() };
  }
  const dataDir = config.dataDir ?? './.data';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = loadPGlite();
  const pglite = new PGlite(dataDir, { parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins });
  // PGlite runs one statement per query() and scripts through exec(); both wait for an open
  // kysely transaction (it holds PGlite's exclusive transaction lock), so nothing interleaves.
  const rawSql: RawSql = {
    executeSql: async (text, values) => {
      if (values?.length) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
  return { db, driver: 'pglite', rawSql, close: () => db.destroy() };
}
