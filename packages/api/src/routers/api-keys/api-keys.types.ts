import { KEY_TYPES, MODES, SCOPES, zText } from '@tenure/contract';
import { z } from 'zod';

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(KEY_TYPES),
  mode: z.enum(MODES),
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)).nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZCreateApiKeyInput = z.object({
  type: z.enum(KEY_TYPES),
  name: zText().trim().max(100).optional(),
  scopes: z.array(z.enum(SCOPES)).max(SCOPES.length).optional(),
});

export const ZCreateApiKeyOutput = z.object({
  key: z.string().meta({ description: 'The full key; shown only once' }),
  apiKey: ZApiKey,
});

export const ZRevokeApiKeyInput = z.object({ id: zText().min(1).max(100) });
