/**
 * Segment definitions: list, read, create (at most 100 per environment), change and delete. A
 * creation or a rule edit recounts that segment for every customer before it answers, so the
 * answer carries its customerCount and countedAt (and the changes feed the resulting entries).
 */
import { AppError, newId, SEGMENT_LIMITS, type TSegment, type TSegmentCreateInput, type TSegmentPatch } from '@tenure/contract';
import { type DB, type Kysely, segmentQueries } from '@tenure/db';
import type { Scope } from '../actor';
import type { AnalyticsEngine } from '../analytics/engine';
import { audit } from '../audit';
import { recountSegments } from './recount';
import { toSegment } from './serialize';

export async function listSegments(db: Kysely<DB>, envId: string): Promise<TSegment[]> {
  return (await segmentQueries.listSegmentRows(db, envId)).map(toSegment);
}

/** A segment of the environment; another environment's or an unknown id is NOT_FOUND. */
export async function getSegment(db: Kysely<DB>, envId: string, id: string): Promise<TSegment> {
  const row = await segmentQueries.findSegmentRow(db, envId, id);
  if (!row) throw new AppError('NOT_FOUND', `Segment ${id} not found`);
  return toSegment(row);
}

export async function createSegment(db: Kysely<DB>, scope: Scope, input: TSegmentCreateInput, engine?: AnalyticsEngine): Promise<TSegment> {
  const id = newId('segment');
  await db.transaction().execute(async (trx) => {
    await segmentQueries.lockSegmentDefinitions(trx, scope.envId);
    if ((await segmentQueries.countSegmentRows(trx, scope.envId)) >= SEGMENT_LIMITS.maxSegments) {
      throw new AppError('CONFLICT', `An environment holds at most ${SEGMENT_LIMITS.maxSegments} segments`, { reason: 'SEGMENT_LIMIT' });
    }
    const def = { name: input.name, description: input.description ?? null, match: input.match ?? 'all', rules: input.rules };
    await segmentQueries.insertSegmentRow(trx, scope.envId, id, def, new Date());
    await audit(trx, scope.actor, { action: 'segment.created', targetType: 'segment', targetId: id });
  });
  await recountSegments(db, scope.envId, { segmentIds: [id], engine });
  return getSegment(db, scope.envId, id);
}

export async function updateSegment(
  db: Kysely<DB>,
  scope: Scope,
  id: string,
  patch: TSegmentPatch,
  engine?: AnalyticsEngine,
): Promise<TSegment> {
  await db.transaction().execute(async (trx) => {
    const row = await segmentQueries.updateSegmentRow(trx, scope.envId, id, patch, new Date());
    if (!row) throw new AppError('NOT_FOUND', `Segment ${id} not found`);
    await audit(trx, scope.actor, {
      action: 'segment.updated',
      targetType: 'segment',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  // New rules (or match) move members: recount for everyone, logging who entered and left.
  if (patch.rules !== undefined || patch.match !== undefined) await recountSegments(db, scope.envId, { segmentIds: [id], engine });
  return getSegment(db, scope.envId, id);
}

/** Deletes the segment with its members and its change log (README "Segments"). */
export async function deleteSegment(db: Kysely<DB>, scope: Scope, id: string): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    // Waits for a running recount, which may be inserting members of this segment.
    await segmentQueries.lockSegmentRecounts(trx, scope.envId);
    if (!(await segmentQueries.deleteSegmentRow(trx, scope.envId, id))) throw new AppError('NOT_FOUND', `Segment ${id} not found`);
    await audit(trx, scope.actor, { action: 'segment.deleted', targetType: 'segment', targetId: id });
  });
  return { deleted: true };
}
