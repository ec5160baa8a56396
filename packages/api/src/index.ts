export * from './context';
export * from './errors';
export * from './meta';
export * from './openapi';
export * from './router';
export * from './route-index';
export { authorize, createCallerFactory, router, scoped } from './trpc';
