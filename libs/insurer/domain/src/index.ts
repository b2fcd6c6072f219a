// The insurer context's events, commands and deciders.
export * from './tariffs';
export * from './care-funding.events';
export * from './care-funding.commands';
export * from './care-funding.decider';
