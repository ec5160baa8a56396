import { ZApiKey } from '@tenure/contract';
import { z } from 'zod';
import { staffMeta } from '../../meta';

export const listApiKeysMeta = staffMeta('keys:manage');
export const ZListApiKeysOutput = z.object({ apiKeys: z.array(ZApiKey) });
