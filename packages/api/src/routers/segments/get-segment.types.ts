import { SEGMENT_EXAMPLE, ZSegment, ZSegmentId } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const getSegmentMeta = restMeta({
  method: 'GET',
  path: '/segments/{id}',
  tag: 'Segments',
  operationId: 'getSegment',
  summary: 'Retrieve a segment',
  description: 'One segment with its rules, customerCount and countedAt. Unknown ids, and other environments’ segments, answer 404.',
  permission: 'segments:read',
  examples: { response: { example: { segment: SEGMENT_EXAMPLE } } },
});

export const ZGetSegmentInput = z.object({ id: ZSegmentId });
export const ZGetSegmentOutput = z.object({ segment: ZSegment });
