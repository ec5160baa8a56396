import { ERROR_CODES } from '@tenure/contract';
import { z } from 'zod';

/** Per-item errors of batch paths, in index order. */
export const ZItemErrors = z
  .array(
    z.object({
      index: z.number().int().meta({ description: 'Zero-based index of the item in the request array', example: 2 }),
      code: z.enum(ERROR_CODES).meta({ description: 'Error code, the one the single-item path would answer for this item' }),
      message: z.string().meta({ description: 'Human-readable explanation, naming the first invalid path' }),
      reason: z
        .string()
        .optional()
        .meta({ description: 'Domain reason when there is one (e.g. SUPPRESSED, FIELD_NOT_ARRAY); omitted otherwise' }),
      issues: z
        .array(
          z.object({
            path: z.string().meta({ description: 'Dotted path from the request root, e.g. customers.3.attributes.bio' }),
            message: z.string().meta({ description: 'What is wrong at that path' }),
          }),
        )
        .optional()
        .meta({ description: 'Validation issues of the item; omitted when the error is not about its shape' }),
    }),
  )
  .meta({ description: 'Items that were not applied, in index order; [] when every item was applied' });
