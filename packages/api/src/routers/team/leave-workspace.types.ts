import { z } from 'zod';

export const ZLeaveWorkspaceOutput = z.object({ left: z.literal(true), workspaceId: z.string() });
