import { EXAMPLE_RULES, SEGMENT_EXAMPLE, ZSegment, ZSegmentCreateInput } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const createSegmentMeta = restMeta({
  method: 'POST',
  path: '/segments',
  tag: 'Segments',
  operationId: 'createSegment',
  summary: 'Create a segment',
  description:
    'Creates a segment and counts its members before answering (each initial member is logged as `entered`). A field, operator or value that does not fit is a 400 whose `issues` name the rule (`rules.2.operator`); the 101st segment of an environment is a 409 with `reason: SEGMENT_LIMIT`.',
  permission: 'segments:write',
  errors: [409],
  examples: {
    request: { example: { name: 'Enterprise at risk', description: SEGMENT_EXAMPLE.description, match: 'all', rules: EXAMPLE_RULES } },
    response: { example: { segment: SEGMENT_EXAMPLE } },
  },
});

export const ZCreateSegmentInput = ZSegmentCreateInput;
export const ZCreateSegmentOutput = z.object({ segment: ZSegment });
