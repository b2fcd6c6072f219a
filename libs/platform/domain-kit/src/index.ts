export * from './decider';
export * from './metadata';
export * from './ids';
export * from './canonical-json';
export * from './prng';
export * from './dates';
