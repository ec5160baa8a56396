/**
 * The ingest benchmark's baseline (QUALITY.md): a multi-row INSERT, 1,000 rows a statement, of the
 * same events straight through `pg` into a *lean* event table — the columns an expert would keep and
 * only the indexes the same reads need — not a copy of our own `events` table.
 */
const LEAN_COLUMNS = ['environment_id', 'customer_id', 'name', 'ts', 'properties', 'revenue', 'message_id', 'context'];

/** Creates the lean table through anything that runs a statement (a pg pool, PGlite). */
export async function createLeanTable(pool: { query(text: string): Promise<unknown> }): Promise<void> {
  await pool.query(`create table lean_events (
    environment_id text not null, customer_id text not null, name text not null, ts timestamptz not null,
    properties jsonb not null, revenue bigint, message_id text, context jsonb)`);
  await pool.query('create index lean_events_customer_ts on lean_events (environment_id, customer_id, ts)');
  await pool.query('create index lean_events_ts on lean_events (environment_id, ts)');
  await pool.query('create unique index lean_events_message on lean_events (environment_id, message_id)');
}

/** The batch's events as lean rows, for customers already known (the baseline resolves no one). */
export function leanRows(batch: Record<string, unknown>[], envId: string, customerIds: Map<string, string>, tag: string): unknown[][] {
  return batch.map((e) => [
    envId,
    customerIds.get(e.externalId as string) ?? `cus_${e.externalId}`,
    e.name,
    new Date(e.timestamp as string),
    JSON.stringify(e.properties ?? {}),
    e.revenue == null ? null : Math.round((e.revenue as number) * 100),
    `${tag}-${e.messageId}`,
    e.context ? JSON.stringify(e.context) : null,
  ]);
}

export function leanInsertSql(rows: number): string {
  const values = Array.from({ length: rows }, (_, r) => `(${LEAN_COLUMNS.map((_, c) => `$${r * LEAN_COLUMNS.length + c + 1}`).join(',')})`);
  return `insert into lean_events (${LEAN_COLUMNS.join(',')}) values ${values.join(',')}`;
}
