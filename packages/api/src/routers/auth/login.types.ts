import { ZLoginInput, ZSessionOutput } from '@tenure/contract';

export { ZLoginInput, ZSessionOutput };
