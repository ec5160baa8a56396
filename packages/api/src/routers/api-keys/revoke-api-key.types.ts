import { ZRevokeApiKeyInput } from '@tenure/contract';
import { z } from 'zod';
import { staffMeta } from '../../meta';

export const revokeApiKeyMeta = staffMeta('keys:manage');
export { ZRevokeApiKeyInput };
export const ZRevokeApiKeyOutput = z.object({ revoked: z.literal(true), id: z.string() });
