import { ERROR_CODES } from '@tenure/contract';
import { z } from 'zod';

/** Per-item errors of batch paths, in index order. */
export const ZItemErrors = z
  .array(
    z.object({
      index: z.number().int().meta({ description: 'Index of the item in the request' }),
      code: z.enum(ERROR_CODES).meta({ description: 'Error code, as the single-item path would answer' }),
      message: z.string().meta({ description: 'What is wrong' }),
      reason: z.string().meta({ description: 'Domain reason, e.g. SUPPRESSED or FIELD_NOT_ARRAY' }).optional(),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'Validation issues with paths from the request root' }),
    }),
  )
  .meta({ description: 'Per-item errors, in index order' });
