import { ROLES } from '@tenure/contract';
import { z } from 'zod';

export const ZLoginInput = z.object({
  email: z.email('Enter a valid email address').max(320),
  password: z.string().min(1, 'Enter your password').max(256),
});

export const ZStaffUser = z.object({ id: z.string(), email: z.string(), name: z.string().nullable() });

export const ZWorkspaceMembership = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  currency: z.string(),
  role: z.enum(ROLES),
  environments: z.array(z.object({ id: z.string(), mode: z.enum(['live', 'test']) })),
});

export const ZSessionOutput = z.object({ user: ZStaffUser, workspaces: z.array(ZWorkspaceMembership) });
export type TSessionOutput = z.infer<typeof ZSessionOutput>;
