/** The one mapper from a segment row to the API's Segment object. */
import type { SegmentRule, TSegment } from '@tenure/contract';
import type { segmentQueries } from '@tenure/db';

export function toSegment(row: segmentQueries.SegmentRow): TSegment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    match: row.match,
    rules: row.rules as SegmentRule[],
    customerCount: row.customerCount,
    countedAt: row.countedAt ? row.countedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
