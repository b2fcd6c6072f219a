import { describe, expect, it } from 'vitest';
import { chainTopicSettings } from './topics';

describe('chainTopicSettings', () => {
  it('is three replicas with two in sync on a cluster, what one broker can hold on one', () => {
    expect(chainTopicSettings(3, {})).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(chainTopicSettings(5, {})).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(chainTopicSettings(2, {})).toEqual({ replicationFactor: 2, minInsyncReplicas: 2 });
    expect(chainTopicSettings(1, {})).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
  });

  it('takes KAFKA_REPLICATION_FACTOR and KAFKA_MIN_INSYNC_REPLICAS, and refuses what could never acknowledge a write', () => {
    expect(chainTopicSettings(3, { KAFKA_REPLICATION_FACTOR: '1' })).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(chainTopicSettings(3, { KAFKA_MIN_INSYNC_REPLICAS: '3' })).toEqual({ replicationFactor: 3, minInsyncReplicas: 3 });
    expect(() => chainTopicSettings(3, { KAFKA_REPLICATION_FACTOR: '2', KAFKA_MIN_INSYNC_REPLICAS: '3' })).toThrow(/no write could ever be acknowledged/);
    expect(() => chainTopicSettings(3, { KAFKA_REPLICATION_FACTOR: 'three' })).toThrow(/positive integer/);
  });
});
