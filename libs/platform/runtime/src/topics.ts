// Creating topics and waiting until every partition has a leader. kafkajs's own
// waitForLeaders gives up when a fresh broker briefly answers "unknown topic" right
// after the create, which made first produces on a just-started broker flaky.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, ITopicConfig } from 'kafkajs';

export async function createTopicsAndWait(admin: Admin, topics: readonly ITopicConfig[], timeoutMs = 30_000): Promise<void> {
  if (topics.length === 0) return;
  await admin.createTopics({ waitForLeaders: false, topics: [...topics] });
  const names = topics.map((t) => t.topic);
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
      const leaderless = metadata.flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}/${p.partitionId}`));
      if (metadata.length === names.length && leaderless.length === 0) return;
      lastProblem = leaderless.length ? `no leader yet for ${leaderless.slice(0, 5).join(', ')}` : 'metadata incomplete';
    } catch (err) {
      lastProblem = err instanceof Error ? err.message : String(err);
    }
    await sleep(100);
  }
  throw new Error(`Topics ${names.join(', ')} had no leaders after ${timeoutMs / 1000}s: ${lastProblem}`);
}

export interface ChainTopicSettings {
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
}

/**
 * The chain's topic settings. On a cluster: three replicas, and an acknowledged write is on
 * two of them (`acks=-1` with min.insync.replicas=2), so losing one broker loses nothing and
 * stalls nothing. On fewer brokers: what they can hold. KAFKA_REPLICATION_FACTOR and
 * KAFKA_MIN_INSYNC_REPLICAS override either.
 */
export function chainTopicSettings(brokerCount: number, env: NodeJS.ProcessEnv = process.env): ChainTopicSettings {
  const configured = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    return value;
  };
  const replicationFactor = configured('KAFKA_REPLICATION_FACTOR') ?? Math.max(1, Math.min(3, brokerCount));
  const minInsyncReplicas = configured('KAFKA_MIN_INSYNC_REPLICAS') ?? Math.min(2, replicationFactor);
  if (minInsyncReplicas > replicationFactor)
    throw new Error(`KAFKA_MIN_INSYNC_REPLICAS (${minInsyncReplicas}) is more than the replication factor (${replicationFactor}): no write could ever be acknowledged`);
  return { replicationFactor, minInsyncReplicas };
}

/** Topic configs with the chain's settings for the cluster `admin` talks to. */
export async function chainTopicConfigs(admin: Admin, names: readonly string[], numPartitions = 3, env: NodeJS.ProcessEnv = process.env): Promise<ITopicConfig[]> {
  const { brokers } = await admin.describeCluster();
  const settings = chainTopicSettings(brokers.length, env);
  return names.map((topic) => ({
    topic,
    numPartitions,
    replicationFactor: settings.replicationFactor,
    configEntries: [{ name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) }],
  }));
}
