// The service test kit: what every service's integration tests share (boot the app,
// play a partner on Kafka, read a topic, count stored events). A library of its own,
// apart from @wcc/testing, because it stands on nest-kit and messaging, whose own
// tests stand on @wcc/testing.
export * from './service-kit';
