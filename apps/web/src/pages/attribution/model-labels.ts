/** What the SPA calls each attribution model (the page's switch and a customer's card). */
import type { TAttributionModel } from '@tenure/contract';

export const MODEL_LABELS: Record<TAttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  time_decay: 'Time decay',
  position_based: 'Position based',
};
