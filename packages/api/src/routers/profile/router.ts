/** The signed-in user's own account (any role, no environment needed). */
import { router } from '../../trpc';
import { changePasswordRoute } from './change-password';
import { signOutEverywhereRoute } from './sign-out-everywhere';
import { updateProfileRoute } from './update-profile';

export const profileRouter = router({
  update: updateProfileRoute,
  changePassword: changePasswordRoute,
  signOutEverywhere: signOutEverywhereRoute,
});
