import { ZSessionOutput } from '@tenure/contract';

export const ZMeOutput = ZSessionOutput;
