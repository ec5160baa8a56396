import { router } from '../../trpc';
import { loginRoute } from './login';
import { logoutRoute } from './logout';
import { meRoute } from './me';

export const authRouter = router({ login: loginRoute, logout: logoutRoute, me: meRoute });
