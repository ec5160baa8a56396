/**
 * Segments (README "Segments"): definitions, their current members, and the log of who entered
 * and left each one (the changes feed, later the segment.entered / segment.left webhooks).
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Rules on `attributes.<key>` with before / after / withinLastDays read ISO 8601 strings: only
  // that shape is parsed (never PostgreSQL's other inputs such as 'now' or 'yesterday'), a date or
  // a date-time without an offset is UTC (REST.md), and what still does not parse (2024-02-30)
  // is null, so the customer simply does not match instead of failing the whole statement.
  await sql`
    create function tenure_iso_instant(s text) returns timestamptz
    language plpgsql stable strict parallel safe as $$
    begin
      if s !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$' then
        return null;
      end if;
      if position('T' in s) > 0 and s ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
        return s::timestamptz;
      end if;
      return s::timestamp at time zone 'UTC';
    exception when others then
      return null;
    end
    $$`.execute(db);

  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('match', 'text', (c) => c.notNull().check(sql`match in ('all', 'any')`))
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('customer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // Lists are by name (lower-cased, code point order, then id), like the customers' name sort.
  await sql`create index segments_env_name_idx on segments (environment_id, (lower(name) collate "C"), id)`.execute(db);

  await db.schema
    .createTable('segment_members')
    .addColumn('environment_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    // When the customer entered (the recount that found it).
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_members_pkey', ['environment_id', 'segment_id', 'customer_id'])
    .execute();
  // A customer's segments (the customer object's `segments`): one index probe, no heap visit.
  await sql`create index segment_members_env_customer_idx on segment_members (environment_id, customer_id, segment_id) include (since)`.execute(
    db,
  );

  await db.schema
    .createTable('segment_changes')
    // Increasing in commit order within an environment: recounts of one environment are serialized
    // by an advisory lock held until commit, so a reader resuming after an id never skips a row.
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity())
    .addColumn('environment_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('entered', 'left')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_changes_pkey', ['environment_id', 'segment_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('segment_changes').ifExists().execute();
  await db.schema.dropTable('segment_members').ifExists().execute();
  await db.schema.dropTable('segments').ifExists().execute();
  await sql`drop function if exists tenure_iso_instant(text)`.execute(db);
}
