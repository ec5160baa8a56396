import { ZInviteAccept, ZSessionOutput } from '@tenure/contract';
import { z } from 'zod';

export const ZAcceptInviteInput = ZInviteAccept;
export type TAcceptInviteInput = z.infer<typeof ZAcceptInviteInput>;

/** The new session's user and workspaces (as `auth.me`), and the workspace joined. */
export const ZAcceptInviteOutput = ZSessionOutput.extend({ workspaceId: z.string() });
