export * from './attributes';
export * from './customer';
export * from './errors';
export * from './ids';
export * from './scopes';
