import { EXAMPLE_RULES, ZSegmentEstimateInput } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const estimateSegmentMeta = restMeta({
  method: 'POST',
  path: '/segments/estimate',
  tag: 'Segments',
  operationId: 'estimateSegment',
  summary: 'Estimate a segment',
  description:
    'Counts the live customers that match rules now, without saving a segment (the rule builder’s live count). Rules are validated as on create.',
  permission: 'segments:read',
  examples: {
    request: { example: { match: 'all', rules: EXAMPLE_RULES } },
    response: { example: { estimatedCount: 42 } },
  },
});

export const ZEstimateSegmentInput = ZSegmentEstimateInput;
export const ZEstimateSegmentOutput = z.object({
  estimatedCount: z.number().int().meta({ description: 'Live customers matching the rules now', example: 42 }),
});
