export * from './bsn.js';
