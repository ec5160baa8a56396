export * from './attributes';
export * from './customer';
export * from './errors';
export * from './event';
export * from './ids';
export * from './scopes';
