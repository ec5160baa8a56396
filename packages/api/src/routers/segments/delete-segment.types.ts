import { ZSegmentId } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const deleteSegmentMeta = restMeta({
  method: 'DELETE',
  path: '/segments/{id}',
  tag: 'Segments',
  operationId: 'deleteSegment',
  summary: 'Delete a segment',
  description: 'Deletes the segment with its memberships and its changes feed; customers no longer list it.',
  permission: 'segments:write',
  examples: { response: { example: { deleted: true } } },
});

export const ZDeleteSegmentInput = z.object({ id: ZSegmentId });
export const ZDeleteSegmentOutput = z.object({ deleted: z.literal(true).meta({ description: 'Always true' }) });
