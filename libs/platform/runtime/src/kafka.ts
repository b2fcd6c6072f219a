// Finds the Kafka broker this process should use, in a fixed order:
// KAFKA_BROKERS → a Docker engine via testcontainers (tests only) → the local broker
// from infra/kafka-local (Java + Maven) → for `npm start` only, when neither Java nor
// Docker exists, an in-process bus, announced loudly because nothing durable backs it.
// The dev broker script (infra/kafka-local) is loaded only when it is needed: a service
// given KAFKA_BROKERS in production never loads it, and its image need not contain it.
import { spawnSync } from 'node:child_process';
import { dockerEngineReachable } from './docker';

export type KafkaSource = 'env' | 'testcontainers' | 'local' | 'in-process';

export interface ResolvedKafka {
  /** Comma-separated bootstrap servers; empty for the in-process bus. */
  readonly brokers: string;
  readonly source: KafkaSource;
  stop(): Promise<void>;
}

const noop = async (): Promise<void> => undefined;

function hasTool(tool: string, args: string[]): boolean {
  const r = spawnSync(tool, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export async function resolveKafka(options: { allowContainers?: boolean; allowInProcess?: boolean } = {}): Promise<ResolvedKafka> {
  const fromEnv = process.env['KAFKA_BROKERS'];
  if (fromEnv) return { brokers: fromEnv, source: 'env', stop: noop };

  const docker = await dockerEngineReachable();
  if (options.allowContainers && docker) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('apache/kafka:4.1.0').withKraft().start();
    return {
      brokers: `${container.getHost()}:${container.getMappedPort(9093)}`,
      source: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }

  const canRunLocal = hasTool('java', ['-version']) && hasTool('mvn', ['-v']);
  if (canRunLocal || !options.allowInProcess || docker) {
    const { ensureLocalKafka, stopLocalKafka } = await import('@wcc/kafka-local');
    const { brokers, startedHere } = await ensureLocalKafka();
    return { brokers, source: 'local', stop: startedHere ? async () => void (await stopLocalKafka()) : noop };
  }
  return { brokers: '', source: 'in-process', stop: noop };
}
