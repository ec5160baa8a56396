/** Embedding Tenure's server in another Node process (tests, benchmarks, a custom host): build, configure, set up. */
export { buildApp } from './app';
export { firstRun } from './bootstrap';
export { loadConfig, type ServerConfig } from './config';
