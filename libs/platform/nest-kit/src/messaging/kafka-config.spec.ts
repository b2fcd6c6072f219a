// A service's Kafka client settings from its environment: its own SASL principal in
// production, and a clear refusal of a half-configured login.
import { describe, expect, it } from 'vitest';
import { consumerGroupConfigFor, kafkaConfigFor } from './messaging.module';

describe('kafkaConfigFor', () => {
  it('connects without a login when none is configured', () => {
    const config = kafkaConfigFor('insurer', { KAFKA_BROKERS: 'a:9092,b:9092' });
    expect(config).toMatchObject({ clientId: 'insurer', brokers: ['a:9092', 'b:9092'] });
    expect(config.sasl).toBeUndefined();
    expect(config.ssl).toBeUndefined();
  });

  it('logs in as the configured principal, plain by default or SCRAM, over TLS when asked', () => {
    expect(kafkaConfigFor('insurer', { KAFKA_BROKERS: 'a:9092', KAFKA_SASL_USERNAME: 'insurer', KAFKA_SASL_PASSWORD: 's3cret' }).sasl).toEqual({
      mechanism: 'plain',
      username: 'insurer',
      password: 's3cret',
    });
    const scram = kafkaConfigFor('insurer', { KAFKA_BROKERS: 'a:9093', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'insurer', KAFKA_SASL_PASSWORD: 's3cret', KAFKA_SSL: 'true' });
    expect(scram).toMatchObject({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'insurer' } });
  });

  it('refuses a half-configured login, an unknown mechanism and no brokers', () => {
    expect(() => kafkaConfigFor('insurer', { KAFKA_BROKERS: 'a:9092', KAFKA_SASL_USERNAME: 'insurer' })).toThrow(/KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together/);
    expect(() => kafkaConfigFor('insurer', { KAFKA_BROKERS: 'a:9092', KAFKA_SASL_PASSWORD: 'x' })).toThrow(/go together/);
    expect(() => kafkaConfigFor('insurer', { KAFKA_BROKERS: 'a:9092', KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'i', KAFKA_SASL_PASSWORD: 'x' })).toThrow(
      /'gssapi' is not one of plain, scram-sha-256, scram-sha-512/,
    );
    expect(() => kafkaConfigFor('insurer', {})).toThrow(/KAFKA_BROKERS is not set/);
  });
});

describe('consumerGroupConfigFor', () => {
  it("keeps kafkajs's session timeout when none is configured", () => {
    expect(consumerGroupConfigFor({})).toBeUndefined();
    expect(consumerGroupConfigFor({ KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '' })).toBeUndefined();
  });

  it('takes the session timeout and heartbeats at most a third of it', () => {
    expect(consumerGroupConfigFor({ KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '6000' })).toEqual({ sessionTimeout: 6000, heartbeatInterval: 2000 });
    expect(consumerGroupConfigFor({ KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '45000' })).toEqual({ sessionTimeout: 45000, heartbeatInterval: 3000 });
  });

  it('refuses what the broker would refuse, naming the variable', () => {
    for (const bad of ['5999', '1800001', '10s', '7500.5'])
      expect(() => consumerGroupConfigFor({ KAFKA_CONSUMER_SESSION_TIMEOUT_MS: bad })).toThrow(/KAFKA_CONSUMER_SESSION_TIMEOUT_MS '.*' is not a whole number/);
  });
});
