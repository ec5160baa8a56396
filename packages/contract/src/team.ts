/**
 * Team and profile: members, invites and the profile forms. The SPA validates its forms with the
 * same schemas the procedures use.
 */
import { z } from 'zod';
import { ROLE_PERMISSIONS, ROLES, type Role } from './scopes';
import { zText } from './text';

/** Invite links work for 7 days. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export const MIN_PASSWORD_LENGTH = 10;

export const ZRole = z.enum(ROLES);

/**
 * Who may change whom (PRODUCT.md "Team"): owners and admins manage members; admins cannot touch
 * owners — neither change an owner's role, remove an owner, nor make anyone an owner. Returns why
 * `actorRole` may not act on a member or invite holding `targetRole` and give it `newRole` (null
 * for no current role, i.e. a new invite, or no new one, i.e. removal), or null when it may. The
 * server enforces it; the SPA uses it to offer only what will be accepted.
 */
export function teamChangeRefusal(actorRole: Role, targetRole: Role | null, newRole: Role | null): string | null {
  if (!ROLE_PERMISSIONS[actorRole].includes('team:manage')) return 'Only owners and admins manage the team';
  if (actorRole === 'owner') return null;
  if (targetRole === 'owner') return 'Only owners can change or remove an owner';
  if (newRole === 'owner') return 'Only owners can make someone an owner';
  return null;
}

export const ZEmailAddress = z.email('Enter a valid email address').max(320);

/**
 * A password someone chooses (new accounts, password changes, the CLI). Storable text like the
 * sign-in form's, so a password that can be set can also be typed to sign in.
 */
export const ZNewPassword = zText()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'Use at most 256 characters');

/** A password typed to prove who you are: never length-checked beyond the maximum. */
export const ZCurrentPassword = zText().min(1, 'Enter your password').max(256);

export const ZPersonName = zText().trim().min(1, 'Enter a name').max(255);

/** Ids reach the database as text: NUL or a lone surrogate is a 400 naming the field, never a 500. */
export const ZUserId = zText().min(1).max(100);

export const ZInviteId = zText().min(1).max(100);

export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZRole,
  joinedAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZInvite = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  invitedBy: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type TInvite = z.infer<typeof ZInvite>;

export const ZInviteCreate = z.object({ email: ZEmailAddress, role: ZRole });
export type TInviteCreate = z.infer<typeof ZInviteCreate>;

export const ZRoleChange = z.object({ userId: ZUserId, role: ZRole });

/** The secret part of an invite link (`/invite/<token>`). */
export const ZInviteToken = zText().min(1).max(200);

/** What the accept page shows before anyone signs in. */
export const ZInvitePreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: ZRole,
  expiresAt: z.string(),
  /** An account with this email exists: accept by signing in with its password. */
  accountExists: z.boolean(),
});
export type TInvitePreview = z.infer<typeof ZInvitePreview>;

/** Accept as a new account (name and password; the email is the invite's) or as the existing one. */
export const ZInviteAccept = z.discriminatedUnion('mode', [
  z.object({ token: ZInviteToken, mode: z.literal('create'), name: ZPersonName, password: ZNewPassword }),
  z.object({ token: ZInviteToken, mode: z.literal('signIn'), password: ZCurrentPassword }),
]);
export type TInviteAccept = z.infer<typeof ZInviteAccept>;

export const ZProfileUpdate = z.object({ name: ZPersonName });

export const ZPasswordChange = z.object({ currentPassword: ZCurrentPassword, newPassword: ZNewPassword });
export type TPasswordChange = z.infer<typeof ZPasswordChange>;
