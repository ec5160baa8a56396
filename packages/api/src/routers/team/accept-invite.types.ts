import { ZInviteAccept } from '@tenure/contract';
import { z } from 'zod';
import { ZSessionOutput } from '../auth/login.types';

export const ZAcceptInviteInput = ZInviteAccept;
export type TAcceptInviteInput = z.infer<typeof ZAcceptInviteInput>;

/** The new session's user and workspaces (as `auth.me`), and the workspace joined. */
export const ZAcceptInviteOutput = ZSessionOutput.extend({ workspaceId: z.string() });
