/**
 * A batch item that is only checked to be a JSON object at the envelope: each item is validated
 * on its own later (per-item errors), and skipping zod's record parse avoids copying every item of
 * a 10,000-item batch.
 */
import { z } from 'zod';

export function batchItem(description: string) {
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Each item must be a JSON object')
    .meta({ description, override: { type: 'object', description, additionalProperties: true } });
}
