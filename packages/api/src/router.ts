/** The AppRouter: one router for the SPA, REST (/api/v1) and the typed client. */
import { pinBodyCoercion } from './body-coercion';
import { apiKeysRouter } from './routers/api-keys/router';
import { authRouter } from './routers/auth/router';
import { customersRouter } from './routers/customers/router';
import { eventsRouter } from './routers/events/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  apiKeys: apiKeysRouter,
  customers: customersRouter,
  events: eventsRouter,
});

pinBodyCoercion(appRouter);

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
