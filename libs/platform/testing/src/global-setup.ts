// The one vitest globalSetup for the int and e2e tiers: resolves Postgres and Kafka
// (explicit env → testcontainers when a Docker engine answers → the local servers),
// hands the connection info to the test files and stops only what it started.
import type { TestProject } from 'vitest/node';
import { redactUrl, resolveKafka, resolvePostgres } from '@wcc/runtime';
import type { TestInfra } from './infra';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await resolvePostgres({ allowContainers: true });
  const kafka = await resolveKafka({ allowContainers: true, allowInProcess: false });
  const infra: TestInfra = {
    adminDatabaseUrl: postgres.url,
    postgresSource: postgres.source,
    kafkaBrokers: kafka.brokers.split(','),
    kafkaSource: kafka.source,
  };
  project.provide('wccInfra', infra);
  console.log(`[test infra] ${project.name}: Postgres (${postgres.source}) ${redactUrl(postgres.url)}; Kafka (${kafka.source}) ${kafka.brokers}`);
  return async () => {
    await kafka.stop();
    await postgres.stop();
  };
}
