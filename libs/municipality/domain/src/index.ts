export * from './bsn';
