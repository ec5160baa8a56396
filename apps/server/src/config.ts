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
  rateLimit: { perSecond: number; ingestPerSecond: number; authFailuresPerMinute: number };
  /**
   * TENURE_TRUST_PROXY: whether X-Forwarded-For names the client (behind a reverse proxy). Unset:
   * never (the socket's address counts, so a client cannot pick its own IP for throttling).
   */
  trustProxy: boolean | number | string[];
  logLevel: string;
  /**
   * TENURE_WORKERS: whether this process takes background jobs (score refresh, hourly recompute,
   * maintenance). `0` for processes that should only serve HTTP while others work.
   */
  workers: boolean;
  /** TENURE_PUBLIC_URL: where people reach Tenure (invite links); the request's origin when unset. */
  publicUrl?: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${value}")`);
  return n;
}

/** An http(s) URL without a trailing slash, or undefined when unset. */
function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`TENURE_PUBLIC_URL must be an absolute URL such as https://tenure.example.com (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`TENURE_PUBLIC_URL must be http or https (got "${value}")`);
  return url.href.replace(/\/+$/, '');
}

/**
 * `true` trusts every proxy hop, a number trusts that many hops, a comma list trusts those
 * addresses or CIDR ranges; unset, `false` or `0` trusts none.
 */
function trustProxy(value: string | undefined): boolean | number | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
      authFailuresPerMinute: int(env.TENURE_AUTH_FAILURE_LIMIT, 60, 'TENURE_AUTH_FAILURE_LIMIT'),
    },
    trustProxy: trustProxy(env.TENURE_TRUST_PROXY),
    workers: env.TENURE_WORKERS !== '0' && env.TENURE_WORKERS !== 'false',
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    publicUrl: publicUrl(env.TENURE_PUBLIC_URL),
  };
}

export const PROJECT_ROOT = ROOT;
