// The employer-network context's events, commands and deciders.
export * from './code-lists';
export * from './employer.commands';
export * from './employer.decider';
export * from './employer.events';
export * from './ids';
export * from './matching.commands';
export * from './matching.decider';
export * from './matching.events';
