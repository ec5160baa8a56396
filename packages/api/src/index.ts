export * from './context';
export * from './errors';
export * from './meta';
export * from './openapi';
export * from './router';
export type { TSessionOutput } from './routers/auth/login.types';
export type { TApiKey } from './routers/api-keys/api-keys.types';
export * from './route-index';
export { authorize, createCallerFactory, router, scoped } from './trpc';
