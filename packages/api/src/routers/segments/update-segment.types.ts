import { SEGMENT_EXAMPLE, ZSegment, ZSegmentId, ZSegmentPatch } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const updateSegmentMeta = restMeta({
  method: 'PATCH',
  path: '/segments/{id}',
  tag: 'Segments',
  operationId: 'updateSegment',
  summary: 'Update a segment',
  description:
    'Changes the name, description, match or rules. New rules (or match) recount the segment for every customer before the answer, and who entered or left is logged in its changes feed.',
  permission: 'segments:write',
  examples: {
    request: { example: { rules: [{ field: 'health', operator: 'lt', value: 30 }] } },
    response: { example: { segment: { ...SEGMENT_EXAMPLE, rules: [{ field: 'health', operator: 'lt', value: 30 }] } } },
  },
});

export const ZUpdateSegmentInput = z.strictObject({ id: ZSegmentId, ...ZSegmentPatch.shape });
export const ZUpdateSegmentOutput = z.object({ segment: ZSegment });
