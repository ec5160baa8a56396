/**
 * Named prepared statements on PostgreSQL for the hottest single-row reads. A query sent unnamed is
 * parsed and planned by PostgreSQL on every execution; for `GET /customers/{id}` (a row and two
 * correlated subqueries) that planning cost the database twice the CPU of the lookup itself. SQL
 * registered here (compiled once by `prepared()`) runs under a stable name, so each pooled
 * connection parses it once and reuses the plan. PGlite has no use for it.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

const names = new Map<string, string>();

/** Gives this SQL text a statement name (stable for the same text). */
export function nameStatement(text: string): void {
  if (!names.has(text)) names.set(text, `tenure_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
}

/** A pg client that runs registered SQL as named prepared statements, anything else as before. */
export class NamedStatementClient extends pg.Client {
  // pg.query() is heavily overloaded (text, config, cursor; promise or callback): every form passes through.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && callback === undefined && Array.isArray(values)) {
      const name = names.get(config);
      if (name) return super.query({ name, text: config, values });
    }
    return super.query(config, values, callback);
  }
}
