// The contract suite against a real KurrentDB: the one named by ESDB_URL, or one started
// in Docker. Without either the suite cannot run, and a test says so by name rather
// than the suite disappearing from the report.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dockerEngineReachable } from '@wcc/runtime';
import { eventStoreContract } from './event-store.contract';
import { KurrentEventStore } from './kurrent-event-store';

const NOT_RUN = 'KurrentDB contract suite: NOT RUN — set ESDB_URL or provide a Docker engine';

const configuredUrl = process.env['ESDB_URL'];
const docker = configuredUrl ? false : await dockerEngineReachable();

if (configuredUrl || docker) {
  let url = configuredUrl ?? '';
  let stop = async (): Promise<void> => undefined;

  beforeAll(async () => {
    if (configuredUrl) return;
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('eventstore/eventstore:24.10')
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_CLUSTER_SIZE: '1',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .start();
    url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    stop = async () => void (await container.stop());
  });
  afterAll(() => stop());

  eventStoreContract('KurrentEventStore', async (options) => new KurrentEventStore(url, options));
} else {
  console.warn(NOT_RUN);
  it(NOT_RUN, async () => {
    expect(process.env['ESDB_URL']).toBeUndefined();
    expect(await dockerEngineReachable()).toBe(false);
  });
}
