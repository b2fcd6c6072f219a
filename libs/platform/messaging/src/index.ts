// @wcc/messaging: integration events between contexts over Kafka, as CloudEvents
// (NL GOV profile). The relay publishes from the event store (the outbox); the
// consumer validates at the edge, dead-letters what does not fit, and applies the
// rest exactly once through an inbox.
export * from './cloudevents';
export * from './dead-letters';
export * from './integration-consumer';
export { defaultLogger, type MessagingLogger } from './logger';
export * from './outbox-relay';
export { RelayCheckpoints } from './relay-checkpoints';
