import { SEGMENT_CHANGE_EXAMPLE, ZSegmentChange, ZSegmentId, zText } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const listSegmentChangesMeta = restMeta({
  method: 'GET',
  path: '/segments/{id}/changes',
  tag: 'Segments',
  operationId: 'listSegmentChanges',
  summary: 'A segment’s membership changes',
  description:
    'Who entered and who left the segment, in the order the recounts recorded them, after a cursor. `nextCursor` is never null: keep it and pass it again later to get only what changed since (resuming never skips or repeats a change). Creating a segment logs each initial member as `entered`.',
  permission: 'segments:read',
  examples: { response: { example: { changes: [SEGMENT_CHANGE_EXAMPLE], nextCursor: 'c2M6MTI4' } } },
});

export const ZListSegmentChangesInput = z.object({
  id: ZSegmentId,
  cursor: zText()
    .max(200)
    .meta({ description: 'A nextCursor from an earlier answer; omit to start at the beginning of the log' })
    .optional(),
  limit: z.number().int().min(1).max(1000).meta({ description: 'Changes per answer, 1–1,000' }).default(100),
});

export const ZListSegmentChangesOutput = z.object({
  changes: z.array(ZSegmentChange).meta({ description: 'Changes after the cursor, oldest first; [] when nothing changed since' }),
  nextCursor: z.string().meta({ description: 'Where to resume: pass it as `cursor` next time (never null)', example: 'c2M6MTI4' }),
});
