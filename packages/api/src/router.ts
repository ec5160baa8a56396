/** The AppRouter: one router for the SPA, REST (/api/v1) and the typed client. */
import { pinBodyCoercion } from './body-coercion';
import { analyticsRouter } from './routers/analytics/router';
import { apiKeysRouter } from './routers/api-keys/router';
import { authRouter } from './routers/auth/router';
import { customersRouter } from './routers/customers/router';
import { eventsRouter } from './routers/events/router';
import { profileRouter } from './routers/profile/router';
import { segmentsRouter } from './routers/segments/router';
import { teamRouter } from './routers/team/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  apiKeys: apiKeysRouter,
  analytics: analyticsRouter,
  customers: customersRouter,
  events: eventsRouter,
  segments: segmentsRouter,
  team: teamRouter,
  profile: profileRouter,
});

pinBodyCoercion(appRouter);

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
