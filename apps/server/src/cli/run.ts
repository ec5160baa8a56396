/** Shared plumbing for CLI commands: open and migrate the database, print results, map errors to exit codes. */
import { AppError } from '@tenure/contract';
import { createDb, type Database, migrateToLatest } from '@tenure/db';
import { ZodError } from 'zod';
import { loadConfig } from '../config';

export class UsageError extends Error {}

export interface Output {
  json: boolean;
}

/** Prints exactly one JSON line on stdout with --json, else the human text. */
export function print(out: Output, value: unknown, human: string): void {
  process.stdout.write(out.json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}

export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Exit codes: 2 bad arguments, 3 not found / conflict, 1 anything else. */
export function reportError(error: unknown, out: Output): number {
  let message: string;
  let code = 1;
  if (error instanceof UsageError) {
    message = error.message;
    code = 2;
  } else if (error instanceof ZodError) {
    message = error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    code = 2;
  } else if (error instanceof AppError) {
    message = error.message;
    code = error.code === 'BAD_REQUEST' ? 2 : 3;
  } else {
    message = error instanceof Error ? error.message : String(error);
    if (/PGlite|lock|already in use/i.test(message)) {
      message += ' (with the embedded database, stop the server before running the CLI)';
    }
  }
  if (out.json) process.stdout.write(`${JSON.stringify({ error: { message, exitCode: code } })}\n`);
  process.stderr.write(`tenure: ${message}\n`);
  return code;
}

/** A positive whole number of requests per second; `default` (for `environment set`) clears the override. */
export function parseLimit(value: string | undefined, flag: string): number | undefined;
export function parseLimit(value: string | undefined, flag: string, allowDefault: true): number | null | undefined;
export function parseLimit(value: string | undefined, flag: string, allowDefault = false): number | null | undefined {
  if (value === undefined) return undefined;
  if (allowDefault && value === 'default') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new UsageError(
      `${flag} must be a whole number of requests per second between 1 and 1000000${allowDefault ? ', or "default"' : ''} (got "${value}")`,
    );
  }
  return n;
}
