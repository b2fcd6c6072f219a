// The case view's pure logic: visibility policy, projection fold, readable lines and
// the disclosure decider. No Nest, no pg, no kafkajs. The case scenario is the fixture
// its specs and the service's tests share (the contracts' examples, one trajectory).
export * from './case-entry';
export * from './chain-event-reader';
export * from './care-involvement';
export * from './case-parties';
export * from './case-team';
export * from './case-projection';
export * from './case-summary';
export * from './case-view';
export * from './consent';
export * from './describe';
export * from './disclosure.commands';
export * from './disclosure.decider';
export * from './disclosure.events';
export * from './headline';
export * from './new-entry';
export * from './readable-line';
export { chainEventReaders } from './readers';
export * from './visibility-policy';
export * from './vocabulary';
export * from './testing/case-scenario';
