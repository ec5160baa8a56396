import { ZInvite, ZInviteCreate } from '@tenure/contract';
import { z } from 'zod';

export const ZCreateInviteInput = ZInviteCreate;
export type TCreateInviteInput = z.infer<typeof ZCreateInviteInput>;

export const ZCreateInviteOutput = z.object({
  invite: ZInvite,
  token: z.string().meta({ description: 'Shown only once: only its SHA-256 is stored' }),
  path: z.string().meta({ description: '/invite/<token>' }),
  url: z.string().nullable().meta({ description: 'The whole link: TENURE_PUBLIC_URL, else the request origin, + path' }),
});
export type TCreateInviteOutput = z.infer<typeof ZCreateInviteOutput>;
