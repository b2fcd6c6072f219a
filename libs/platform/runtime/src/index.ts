export * from './docker';
export * from './kafka';
export * from './postgres';
export * from './sealing';
export * from './topic-snapshot';
export * from './topics';
