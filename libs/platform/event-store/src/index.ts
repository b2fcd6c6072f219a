// The public surface: the port, both adapters and upcasting. The contract suite is
// test code (it imports vitest) and is imported by path from the adapters' specs.
export * from './event-store';
export * from './upcasting';
export * from './postgres-event-store';
export * from './kurrent-event-store';
export * from './schema-migrations';
