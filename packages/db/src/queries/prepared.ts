/**
 * Queries compiled once and run many times with new parameter values, for the hottest single-row
 * reads (a keyed `GET /customers/{id}`): building and compiling a kysely query with two correlated
 * subqueries cost more CPU than PostgreSQL's answer. The query is built with placeholder arguments
 * — text that no input can hold (inputs refuse NUL) — and each run swaps them for the real values
 * by position; plugins (camel case) still transform the rows. On PostgreSQL the SQL also runs as a
 * named prepared statement (`named-statements.ts`), so it is planned once per connection.
 */
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import { nameStatement } from '../named-statements';
import type { DB } from '../types';

const PLACEHOLDER = /^\u0000\$(\d+)$/;

export function prepared<R, N extends number>(arity: N, build: (db: Kysely<DB>, ...args: string[]) => Compilable<R>) {
  const compiled = new WeakMap<Kysely<DB>, CompiledQuery<R>>();
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000$${i}`);
  return async (db: Kysely<DB>, ...args: string[]): Promise<R[]> => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...placeholders).compile();
      nameStatement(query.sql);
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => {
      const m = typeof p === 'string' ? PLACEHOLDER.exec(p) : null;
      return m ? args[Number(m[1])] : p;
    });
    const result = await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters));
    return result.rows;
  };
}
