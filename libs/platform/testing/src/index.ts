export * from './infra.js';
export * from './isolation.js';
