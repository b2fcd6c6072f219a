export * from './docker.js';
export * from './kafka.js';
export * from './postgres.js';
