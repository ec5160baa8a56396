/** Input pieces shared by the two attribution routes: the model and its lookback, described once. */
import { ATTRIBUTION_MODEL_DESCRIPTIONS, ATTRIBUTION_MODELS, MAX_LOOKBACK_DAYS } from '@tenure/contract';
import { z } from 'zod';

/** The models as one sentence list for the operations' descriptions. */
export const modelDescription = ATTRIBUTION_MODELS.map((m) => `\`${m}\` — ${ATTRIBUTION_MODEL_DESCRIPTIONS[m]}`).join(' ');

export const attributionModelShape = {
  model: z
    .enum(ATTRIBUTION_MODELS)
    .meta({ description: 'How credit is shared among the touchpoints of a conversion' })
    .default('last_touch'),
  lookbackDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_LOOKBACK_DAYS)
    .meta({ description: `Touchpoints up to this many days before a conversion count, 1–${MAX_LOOKBACK_DAYS}` })
    .default(30),
};
