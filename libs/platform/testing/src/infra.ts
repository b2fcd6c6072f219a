// What the vitest globalSetup hands to every integration and end-to-end test file.
import { inject } from 'vitest';
import type { KafkaSource, PostgresSource } from '@wcc/runtime';

export interface TestInfra {
  /** Administrator URL of the resolved server; each file makes its own database from it. */
  readonly adminDatabaseUrl: string;
  readonly postgresSource: PostgresSource;
  readonly kafkaBrokers: string[];
  readonly kafkaSource: KafkaSource;
}

declare module 'vitest' {
  export interface ProvidedContext {
    wccInfra: TestInfra;
  }
}

export function testInfra(): TestInfra {
  const infra = inject('wccInfra');
  if (!infra) throw new Error('No test infrastructure was provided: run integration tests through vitest with the int or e2e project.');
  return infra;
}
