import { z } from 'zod';

export const ZSignOutEverywhereOutput = z.object({ endedSessions: z.number().int().nonnegative() });
