import { SEGMENT_EXAMPLE, ZSegment } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const listSegmentsMeta = restMeta({
  method: 'GET',
  path: '/segments',
  tag: 'Segments',
  operationId: 'listSegments',
  summary: 'List segments',
  description: 'Every segment of the environment, by name (case-insensitive), then id, with its current customerCount and countedAt.',
  permission: 'segments:read',
  examples: { response: { example: { segments: [SEGMENT_EXAMPLE] } } },
});

export const ZListSegmentsInput = z.object({}).optional();
export const ZListSegmentsOutput = z.object({
  segments: z.array(ZSegment).meta({ description: 'The environment’s segments (at most 100)' }),
});
