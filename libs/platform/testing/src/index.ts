export * from './infra';
export * from './http';
export * from './isolation';
export * from './personal-data';
export * from './owned-broker';
export * from './service-process';
export * from './test-organisations';
// The bounded topic reader lives in the runtime library (the dead-letter tool reads with it too).
export { readTopicsToEnd, type SnapshotMessage, type SnapshotOptions, type TopicSnapshot } from '@wcc/runtime';
export * from './private-postgres';
export * from './fault-report';
