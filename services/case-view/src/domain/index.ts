// The case view's pure logic: visibility policy, projection fold, readable lines and
// the disclosure decider. No Nest, no pg, no kafkajs.
export * from './case-entry';
export * from './care-involvement';
export * from './case-parties';
export * from './case-team';
export * from './case-projection';
export * from './case-summary';
export * from './case-view';
export * from './consent';
export * from './data-readers';
export * from './describe';
export * from './disclosure.commands';
export * from './disclosure.decider';
export * from './disclosure.events';
export * from './headline';
export * from './new-entry';
export * from './visibility-policy';
export * from './vocabulary';
