/** Staff sign-in and session schemas shared by the procedures and the SPA's forms. */
import { z } from 'zod';
import { MODES, ROLES } from './scopes';
import { zText } from './text';

export const ZLoginInput = z.object({
  email: z.email('Enter a valid email address').max(320),
  password: zText().min(1, 'Enter your password').max(256),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZStaffUser = z.object({ id: z.string(), email: z.string(), name: z.string().nullable() });

export const ZWorkspaceMembership = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  currency: z.string(),
  role: z.enum(ROLES),
  environments: z.array(z.object({ id: z.string(), mode: z.enum(MODES) })),
});

export const ZSessionOutput = z.object({ user: ZStaffUser, workspaces: z.array(ZWorkspaceMembership) });
export type TSessionOutput = z.infer<typeof ZSessionOutput>;
