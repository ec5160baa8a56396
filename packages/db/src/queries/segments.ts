/** Segment definitions and their change log. Every query takes the environment id first. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, SegmentsTable } from '../types';

export type SegmentRow = Selectable<SegmentsTable>;

export interface SegmentDefinition {
  name: string;
  description: string | null;
  match: 'all' | 'any';
  rules: unknown[];
}

const COLUMNS = [
  'segments.id',
  'segments.environmentId',
  'segments.name',
  'segments.description',
  'segments.match',
  'segments.rules',
  'segments.customerCount',
  'segments.countedAt',
  'segments.createdAt',
  'segments.updatedAt',
] as const;

/** The environment's segments by name (lower-cased, code point order), then id. */
export async function listSegmentRows(db: Kysely<DB>, envId: string): Promise<SegmentRow[]> {
  return db
    .selectFrom('segments')
    .select(COLUMNS)
    .where('segments.environmentId', '=', envId)
    .orderBy(sql`lower(segments.name) collate "C"`)
    .orderBy('segments.id')
    .execute();
}

export async function findSegmentRow(db: Kysely<DB>, envId: string, id: string): Promise<SegmentRow | undefined> {
  return db
    .selectFrom('segments')
    .select(COLUMNS)
    .where('segments.environmentId', '=', envId)
    .where('segments.id', '=', id)
    .executeTakeFirst();
}

/**
 * Serializes the creations of one environment's segments until the transaction ends, so two
 * concurrent creations cannot both pass the per-environment limit.
 */
export async function lockSegmentDefinitions(trx: Transaction<DB>, envId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('tenure.segment_definitions'), hashtext(${envId}))`.execute(trx);
}

/**
 * Serializes the recounts of one environment (and a segment's deletion with them) until the
 * transaction ends: the change log's ids then grow in commit order, and a recount never inserts
 * members of a segment deleted under it.
 */
export async function lockSegmentRecounts(trx: Kysely<DB>, envId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('tenure.segments'), hashtext(${envId}))`.execute(trx);
}

export async function countSegmentRows(db: Kysely<DB>, envId: string): Promise<number> {
  const row = await db
    .selectFrom('segments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('segments.environmentId', '=', envId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertSegmentRow(db: Kysely<DB>, envId: string, id: string, def: SegmentDefinition, now: Date): Promise<SegmentRow> {
  return db
    .insertInto('segments')
    .values({
      id,
      environmentId: envId,
      name: def.name,
      description: def.description,
      match: def.match,
      rules: JSON.stringify(def.rules),
      createdAt: now,
      updatedAt: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateSegmentRow(
  db: Kysely<DB>,
  envId: string,
  id: string,
  patch: Partial<SegmentDefinition>,
  now: Date,
): Promise<SegmentRow | undefined> {
  return db
    .updateTable('segments')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.match !== undefined ? { match: patch.match } : {}),
      ...(patch.rules !== undefined ? { rules: JSON.stringify(patch.rules) } : {}),
      updatedAt: now,
    })
    .where('segments.environmentId', '=', envId)
    .where('segments.id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** Deletes a segment; its members and its change log go with it (foreign keys, on delete cascade). */
export async function deleteSegmentRow(db: Kysely<DB>, envId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('segments')
    .where('segments.environmentId', '=', envId)
    .where('segments.id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface SegmentChangeRow {
  id: string;
  customerId: string;
  externalId: string | null;
  change: 'entered' | 'left';
  at: Date;
}

/**
 * A segment's changes after a log position, in log order (keyset over the primary key
 * `(environment_id, segment_id, id)`), each with its customer's current externalId.
 */
export async function listSegmentChangeRows(
  db: Kysely<DB>,
  envId: string,
  segmentId: string,
  afterId: string,
  limit: number,
): Promise<SegmentChangeRow[]> {
  return db
    .selectFrom('segmentChanges as ch')
    .leftJoin('customers as c', (join) => join.onRef('c.environmentId', '=', 'ch.environmentId').onRef('c.id', '=', 'ch.customerId'))
    .select([sql<string>`ch.id::text`.as('id'), 'ch.customerId', 'c.externalId', 'ch.change', 'ch.at'])
    .where('ch.environmentId', '=', envId)
    .where('ch.segmentId', '=', segmentId)
    .where(sql`ch.id`, '>', sql`${afterId}::bigint`)
    .orderBy('ch.id')
    .limit(limit)
    .execute();
}
