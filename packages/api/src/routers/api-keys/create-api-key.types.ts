import { ZCreateApiKeyInput, ZCreateApiKeyOutput } from '@tenure/contract';
import { staffMeta } from '../../meta';

export const createApiKeyMeta = staffMeta('keys:manage');
export { ZCreateApiKeyInput, ZCreateApiKeyOutput };
