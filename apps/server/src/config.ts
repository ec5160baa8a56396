/** Server configuration from the environment. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  nodeEnv: string;
  /** The built SPA (apps/web/dist). */
  webDist: string;
  /** Default per-key API rate limit (requests per second) and ingestion-path limit. */
  rateLimit: { perSecond: number; ingestPerSecond: number };
  logLevel: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${value}")`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: env.PORT === '0' ? 0 : int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(ROOT, env.TENURE_DATA_DIR || '.data'),
    nodeEnv: env.NODE_ENV || 'development',
    webDist: path.resolve(ROOT, 'apps/web/dist'),
    rateLimit: {
      perSecond: int(env.TENURE_RATE_LIMIT, 100, 'TENURE_RATE_LIMIT'),
      ingestPerSecond: int(env.TENURE_INGEST_RATE_LIMIT, 1000, 'TENURE_INGEST_RATE_LIMIT'),
    },
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}

export const PROJECT_ROOT = ROOT;
