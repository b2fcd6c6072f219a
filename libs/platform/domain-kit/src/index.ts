export * from './decider';
export * from './metadata';
