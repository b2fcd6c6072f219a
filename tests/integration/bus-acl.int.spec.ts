// The bus's need-to-know, enforced by the broker as production runs it: a local broker
// started with SASL/PLAIN and the KRaft authorizer (nothing allowed without an ACL), one
// principal per service, and the ACLs kafkaAclsFor() derives from busAccess. The employer
// network reads the municipality's topic and nothing of the care provider's or the
// insurer's; it cannot write another producer's topic; the case view reads every partner.
// A broker of its own on a free port, stopped by its watchdog when the test's owner ends.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } from 'kafkajs';
import { allTopics, busAccess, busServices, careProviderCaseEventsTopic, insurerCaseEventsTopic, kafkaAclsFor, municipalityCaseEventsTopic, type BusService } from '@wcc/contracts';
import { freePortPair, startOwnedBroker } from '@wcc/testing';

const passwords = Object.fromEntries([['admin', 'admin-secret'], ...busServices.map((s) => [s, `${s}-secret`])]) as Record<string, string>;

let owner: ChildProcess | undefined;
let brokers = '';
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-kafka-acl-test-'));

const clientAs = (user: string): Kafka =>
  // A fresh broker has no group coordinator until its offsets topic exists: retry as kafkajs would.
  new Kafka({ clientId: `acl-test-${user}`, brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 200 }, sasl: { mechanism: 'plain', username: user, password: passwords[user]! } });

beforeAll(async () => {
  const port = await freePortPair();
  const started = await startOwnedBroker({ ...process.env, KAFKA_LOCAL_PORT: String(port), KAFKA_LOCAL_STATE_DIR: stateDir, KAFKA_LOCAL_SASL_USERS: JSON.stringify(passwords) });
  owner = started.owner;
  brokers = started.brokers;

  const admin = clientAs('admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: allTopics.flatMap((t) => [{ topic: t, numPartitions: 1 }, { topic: `${t}.dlt`, numPartitions: 1 }]), waitForLeaders: true });
    const operation = { READ: AclOperationTypes.READ, WRITE: AclOperationTypes.WRITE, DESCRIBE: AclOperationTypes.DESCRIBE } as const;
    await admin.createAcls({
      acl: busServices.flatMap((service) =>
        kafkaAclsFor(service).map((acl) => ({
          resourceType: acl.resourceType === 'TOPIC' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
          resourceName: acl.resourceName,
          resourcePatternType: acl.patternType === 'LITERAL' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
          principal: `User:${service}`,
          host: '*',
          operation: operation[acl.operation],
          permissionType: AclPermissionTypes.ALLOW,
        })),
      ),
    });
  } finally {
    await admin.disconnect();
  }
}, 180_000);

afterAll(() => {
  owner?.kill('SIGKILL'); // its watchdog stops the broker
  setTimeout(() => fs.rmSync(stateDir, { recursive: true, force: true }), 30_000).unref();
});

/** Produces one message as `service`; resolves to the error's type when the broker refuses. */
async function produceAs(service: BusService, topic: string): Promise<string> {
  const producer = clientAs(service).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: JSON.stringify({ from: service }) }] });
    return 'ok';
  } catch (error) {
    return (error as { type?: string }).type ?? String(error);
  } finally {
    await producer.disconnect();
  }
}

/** Reads `topic` from the start as `service` in one of its own groups: the values, or the refusal. */
async function readAs(service: BusService, topic: string): Promise<string[] | string> {
  const consumer = clientAs(service).consumer({ groupId: `${service}.acl-test-${path.basename(topic)}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return await new Promise<string[] | string>((resolve) => {
      const values: string[] = [];
      const timer = setTimeout(() => resolve(values), 20_000);
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        // A fresh broker's group coordinator may still be loading: kafkajs retries that itself.
        if (payload.restart) return;
        clearTimeout(timer);
        resolve((payload.error as { type?: string }).type ?? String(payload.error));
      });
      consumer
        .run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? '');
            clearTimeout(timer);
            resolve(values);
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          resolve((error as { type?: string }).type ?? String(error));
        });
    });
  } catch (error) {
    return (error as { type?: string }).type ?? String(error);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

describe('the broker enforces busAccess, one principal per service', () => {
  it('lets each producer write its own topic, and no one write another producer’s', async () => {
    expect(await produceAs('municipality', municipalityCaseEventsTopic)).toBe('ok');
    expect(await produceAs('care-provider', careProviderCaseEventsTopic)).toBe('ok');
    expect(await produceAs('insurer', insurerCaseEventsTopic)).toBe('ok');
    expect(await produceAs('employer-network', municipalityCaseEventsTopic)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await produceAs('care-provider', municipalityCaseEventsTopic)).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it("keeps the employer network off the care provider's and the insurer's topics; the case view reads every partner", async () => {
    expect(busAccess['employer-network'].consumes).toEqual([municipalityCaseEventsTopic]);
    expect(await readAs('employer-network', municipalityCaseEventsTopic)).toEqual([JSON.stringify({ from: 'municipality' })]);
    expect(await readAs('employer-network', careProviderCaseEventsTopic)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await readAs('employer-network', insurerCaseEventsTopic)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await readAs('case-view', careProviderCaseEventsTopic)).toEqual([JSON.stringify({ from: 'care-provider' })]);
    // Without credentials nothing at all.
    const anonymous = new Kafka({ clientId: 'acl-test-anonymous', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2_000 }).admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toThrow();
    await anonymous.disconnect().catch(() => undefined);
  });
});
