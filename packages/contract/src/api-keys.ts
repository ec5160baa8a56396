/** API key schemas shared by the procedures, the CLI and the SPA's key form. */
import { z } from 'zod';
import { KEY_TYPES, MODES, SCOPES } from './scopes';
import { zText } from './text';

/** A configurable requests-per-second budget (REST.md "Rate limits"); null means the server default. */
export const ZRateLimit = z
  .number()
  .int('A rate limit is a whole number of requests per second')
  .min(1, 'A rate limit is at least 1 request per second')
  .max(1_000_000, 'A rate limit is at most 1,000,000 requests per second');

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(KEY_TYPES),
  mode: z.enum(MODES),
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)).nullable(),
  /** Reads and writes per second (null: the server default). */
  rateLimit: z.number().nullable(),
  /** Ingestion requests per second (null: the server default). */
  ingestRateLimit: z.number().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZCreateApiKeyInput = z.object({
  type: z.enum(KEY_TYPES),
  name: zText().trim().max(100, 'A name is at most 100 characters').optional(),
  scopes: z.array(z.enum(SCOPES)).min(1, 'Choose at least one scope').max(SCOPES.length).optional(),
  rateLimit: ZRateLimit.nullish(),
  ingestRateLimit: ZRateLimit.nullish(),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZCreateApiKeyOutput = z.object({
  key: z.string().meta({ description: 'The full key; shown only once' }),
  apiKey: ZApiKey,
});

export const ZRevokeApiKeyInput = z.object({ id: zText().min(1).max(100) });

/** An environment's default ceiling for a rate class is this many times the key default (REST.md "Rate limits"). */
export const ENVIRONMENT_CEILING_FACTOR = 5;

/**
 * Per-environment ceilings (`tenure environment set`, the API keys page): null returns a class to
 * the default (ENVIRONMENT_CEILING_FACTOR × the key default); a field left out stays as it is.
 */
export const ZEnvironmentRateLimits = z.object({ rateLimit: ZRateLimit.nullable(), ingestRateLimit: ZRateLimit.nullable() }).partial();
export type TEnvironmentRateLimits = z.infer<typeof ZEnvironmentRateLimits>;

/** The API keys page sets both ceilings at once (null: the default). */
export const ZSetEnvironmentRateLimitsInput = ZEnvironmentRateLimits.required();

const ZRatePair = z.object({
  rateLimit: z.number().meta({ description: 'Reads and writes per second' }),
  ingestRateLimit: z.number().meta({ description: 'Ingestion requests per second' }),
});

/** An environment's ceilings as stored, and the defaults that apply where they (or a key's own limits) are null. */
export const ZEnvironmentRateLimitsOutput = z.object({
  rateLimit: z.number().nullable().meta({ description: "The environment's reads-and-writes ceiling per second (null: the default)" }),
  ingestRateLimit: z.number().nullable().meta({ description: "The environment's ingestion ceiling per second (null: the default)" }),
  defaults: z
    .object({ key: ZRatePair, environment: ZRatePair })
    .nullable()
    .meta({ description: "This server's defaults for a key and for an environment (null when the server does not say)" }),
});
export type TEnvironmentRateLimitsOutput = z.infer<typeof ZEnvironmentRateLimitsOutput>;
