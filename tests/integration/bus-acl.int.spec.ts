// The bus's need-to-know, enforced by the broker as production runs it: a local broker
// started with SASL/PLAIN and the KRaft authorizer (nothing allowed without an ACL), one
// principal per organisation (per service for the chain's processors), and the ACLs
// kafkaAclsFor() derives from the bus access. An organisation reads only what is addressed
// to it, never another organisation's topic of the same type nor a producer's chain topic:
// one GGZ provider never reads another's referrals, one insurer never another's funding
// requests, the employer network only its own referrals for matching; no one writes
// another producer's topic; the case view reads every partner's chain topic.
// A broker of its own on a free port, stopped by its watchdog when the test's owner ends.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } from 'kafkajs';
import {
  allTopics,
  audienceOfTopic,
  busAccessFor,
  busPrincipalOf,
  busServices,
  careProviderCaseEventsTopic,
  careProviderToInsurerTopic,
  careProviderToMunicipalityTopic,
  chainTopics,
  clientReferredForMatchingV1,
  consumedTopicsFor,
  consumerGroupPrefixOf,
  employerNetworkToInsurerTopic,
  employerNetworkToMunicipalityTopic,
  insurerCaseEventsTopic,
  insurerToCareProviderTopic,
  kafkaAclsFor,
  municipalityCaseEventsTopic,
  municipalityToCareProviderTopic,
  municipalityToEmployerNetworkTopic,
  organisationTopicOf,
  partnerServices,
  type BusService,
  type KafkaAclOptions,
} from '@wcc/contracts';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { publishAsPartner } from '@wcc/service-testing';
import { freePortPair, readTopicsToEnd, startOwnedBroker, startServiceProcess, testNamespace, type ServiceProcess } from '@wcc/testing';

/** The organisations on this broker, each under its own principal: two of each type where the test tells them apart. */
const organisationsOf: Readonly<Record<(typeof partnerServices)[number], readonly string[]>> = {
  municipality: ['gemeente-rotterdam', 'gemeente-amsterdam'],
  'care-provider': ['ggz-delfland', 'ggz-nhn'],
  'employer-network': ['wsp-rijnmond', 'wsp-amsterdam'],
  insurer: ['achmea', 'vgz'],
};
const chainProcessors = busServices.filter((s) => !(partnerServices as readonly string[]).includes(s));

interface Principal {
  readonly user: string;
  readonly service: BusService;
  readonly organisation?: string;
}
const principals: Principal[] = [
  ...partnerServices.flatMap((service) => organisationsOf[service].map((organisation) => ({ user: busPrincipalOf(service, organisation), service, organisation }))),
  ...chainProcessors.map((service) => ({ user: busPrincipalOf(service), service })),
];
const principal = (service: BusService, organisation?: string): string => busPrincipalOf(service, organisation);
const passwords = Object.fromEntries([['admin', 'admin-secret'], ...principals.map((p) => [p.user, `${p.user}-secret`])]) as Record<string, string>;
const groupPrefixOf = new Map(principals.map((p) => [p.user, consumerGroupPrefixOf(p.service, p.organisation === undefined ? [] : [p.organisation])]));

/** The topics the organisations' producers would have made by now: each addressee's own member of each audience topic. */
const organisationTopics = allTopics.flatMap((declared) => {
  const audience = audienceOfTopic(declared);
  return audience === undefined ? [] : consumedTopicsFor(declared, organisationsOf[audience]).filter((topic) => topic !== declared);
});

let owner: ChildProcess | undefined;
let employerNetwork: ServiceProcess | undefined;
const ns = testNamespace();
let brokers = '';
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-kafka-acl-test-'));

const clientAs = (user: string): Kafka =>
  // A fresh broker has no group coordinator until its offsets topic exists: retry as kafkajs would.
  new Kafka({
    clientId: `acl-test-${user}`,
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, initialRetryTime: 200 },
    sasl: { mechanism: 'plain', username: user, password: passwords[user]! },
  });

beforeAll(async () => {
  const port = await freePortPair();
  const started = await startOwnedBroker({ ...process.env, KAFKA_LOCAL_PORT: String(port), KAFKA_LOCAL_STATE_DIR: stateDir, KAFKA_LOCAL_SASL_USERS: JSON.stringify(passwords) });
  owner = started.owner;
  brokers = started.brokers;

  const admin = clientAs('admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [...allTopics, ...organisationTopics].flatMap((t) => [
        { topic: t, numPartitions: 1 },
        { topic: `${t}.dlt`, numPartitions: 1 },
      ]),
      waitForLeaders: true,
    });
    const operation = { READ: AclOperationTypes.READ, WRITE: AclOperationTypes.WRITE, DESCRIBE: AclOperationTypes.DESCRIBE, CREATE: AclOperationTypes.CREATE } as const;
    // Unprefixed for the probes below; in the service test's namespace for the two principals it runs as.
    const namespaced = [principal('employer-network', 'wsp-rijnmond'), principal('municipality', 'gemeente-rotterdam')];
    const naming = (p: Principal): KafkaAclOptions[] => {
      const organisations = p.organisation === undefined ? [] : [p.organisation];
      return namespaced.includes(p.user) ? [{ organisations }, { organisations, topicPrefix: ns.topicPrefix, groupPrefix: ns.groupPrefix }] : [{ organisations }];
    };
    const acl = principals.flatMap((p) =>
      naming(p)
        .flatMap((names) => kafkaAclsFor(p.service, names))
        .map((acl) => ({
          resourceType: acl.resourceType === 'TOPIC' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
          resourceName: acl.resourceName,
          resourcePatternType: acl.patternType === 'LITERAL' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
          principal: `User:${p.user}`,
          host: '*',
          operation: operation[acl.operation],
          permissionType: AclPermissionTypes.ALLOW,
        })),
    );
    await admin.createAcls({ acl });
    // The authorizer takes ACLs from the metadata log a moment after createAcls answers (seconds
    // on a loaded machine): wait until the broker itself lists every one, or a grant probed
    // too early reads as a refusal.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { resources } = await admin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      const listed = resources.reduce((n, r) => n + r.acls.length, 0);
      if (listed >= new Set(acl.map((a) => JSON.stringify(a))).size) break;
      if (Date.now() > deadline) throw new Error(`the broker lists ${listed} of ${acl.length} ACLs after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
}, 180_000);

afterAll(async () => {
  await employerNetwork?.stop();
  owner?.kill('SIGKILL'); // its watchdog stops the broker
  setTimeout(() => fs.rmSync(stateDir, { recursive: true, force: true }), 30_000).unref();
});

/**
 * The broker's answer as one word: a refusal is TOPIC_AUTHORIZATION_FAILED whether it comes
 * on the produce or fetch itself, or already on the metadata request (no DESCRIBE either).
 */
function refusalOf(error: unknown): string {
  const { type, message } = error as { type?: string; message?: string };
  if (type === 'TOPIC_AUTHORIZATION_FAILED' || /Topic authorization failed/i.test(message ?? '')) return 'TOPIC_AUTHORIZATION_FAILED';
  return type ?? String(error);
}

/** Produces one message as `user`; resolves to the refusal when the broker refuses. */
async function produceAs(user: string, topic: string): Promise<string> {
  const producer = clientAs(user).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: JSON.stringify({ from: user, to: topic }) }] });
    return 'ok';
  } catch (error) {
    return refusalOf(error);
  } finally {
    await producer.disconnect();
  }
}

/** Creates `topic` as `user` (what a relay does before its first message to a new addressee): 'ok' or the refusal. */
async function createAs(user: string, topic: string): Promise<string> {
  const admin = clientAs(user).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: false });
    return 'ok';
  } catch (error) {
    const { type, message, errors } = error as { type?: string; message?: string; errors?: { type?: string }[] };
    const inner = errors?.[0]?.type;
    return inner === 'TOPIC_AUTHORIZATION_FAILED' || type === 'TOPIC_AUTHORIZATION_FAILED' || /authoriz/i.test(message ?? '') ? 'TOPIC_AUTHORIZATION_FAILED' : (inner ?? type ?? String(error));
  } finally {
    await admin.disconnect();
  }
}

/** Reads `topic` from the start as `user` in one of its service's own groups: the values, or the refusal. */
async function readAs(user: string, topic: string, groupId = `${groupPrefixOf.get(user) ?? user}acl-test-${path.basename(topic)}`): Promise<string[] | string> {
  const consumer = clientAs(user).consumer({ groupId, maxWaitTimeInMs: 100 });
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
        resolve(refusalOf(payload.error));
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
          resolve(refusalOf(error));
        });
    });
  } catch (error) {
    return refusalOf(error);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

const refused = 'TOPIC_AUTHORIZATION_FAILED';
const sent = (user: string, topic: string) => [JSON.stringify({ from: user, to: topic })];

describe('the broker enforces the bus access, one principal per organisation', () => {
  const rotterdam = principal('municipality', 'gemeente-rotterdam');
  const amsterdam = principal('municipality', 'gemeente-amsterdam');
  const delfland = principal('care-provider', 'ggz-delfland');
  const nhn = principal('care-provider', 'ggz-nhn');
  const rijnmond = principal('employer-network', 'wsp-rijnmond');
  const wspAmsterdam = principal('employer-network', 'wsp-amsterdam');
  const achmea = principal('insurer', 'achmea');
  const vgz = principal('insurer', 'vgz');

  it('lets each producer write its own topic, and no one write another producer’s', async () => {
    expect(await produceAs(rotterdam, municipalityCaseEventsTopic)).toBe('ok');
    expect(await produceAs(delfland, careProviderCaseEventsTopic)).toBe('ok');
    expect(await produceAs(achmea, insurerCaseEventsTopic)).toBe('ok');
    expect(await produceAs(rijnmond, municipalityCaseEventsTopic)).toBe(refused);
    expect(await produceAs(delfland, municipalityCaseEventsTopic)).toBe(refused);
    // Nor a referral on another provider's topic, as if the municipality had sent it.
    expect(await produceAs(delfland, organisationTopicOf(municipalityToCareProviderTopic, 'ggz-nhn'))).toBe(refused);
  });

  it("lets one care provider read its own referrals and never another care provider's", async () => {
    const toDelfland = organisationTopicOf(municipalityToCareProviderTopic, 'ggz-delfland');
    const toNhn = organisationTopicOf(municipalityToCareProviderTopic, 'ggz-nhn');
    expect(busAccessFor('care-provider', ['ggz-delfland']).consumes).toEqual([toDelfland, organisationTopicOf(insurerToCareProviderTopic, 'ggz-delfland')]);
    expect(await produceAs(rotterdam, toDelfland)).toBe('ok');
    expect(await produceAs(amsterdam, toNhn)).toBe('ok');
    expect(await readAs(delfland, toDelfland)).toEqual(sent(rotterdam, toDelfland));
    expect(await readAs(nhn, toNhn)).toEqual(sent(amsterdam, toNhn));
    expect(await readAs(delfland, toNhn)).toBe(refused);
    expect(await readAs(nhn, toDelfland)).toBe(refused);
    // The insurer's answers likewise.
    const answersToNhn = organisationTopicOf(insurerToCareProviderTopic, 'ggz-nhn');
    expect(await produceAs(vgz, answersToNhn)).toBe('ok');
    expect(await readAs(nhn, answersToNhn)).toEqual(sent(vgz, answersToNhn));
    expect(await readAs(delfland, answersToNhn)).toBe(refused);
    // The declared topic itself carries nothing and no care provider reads it.
    expect(await readAs(delfland, municipalityToCareProviderTopic)).toBe(refused);
    // Nor does one join the other's consumer group (whose partitions it would be handed): the
    // broker will not even name its coordinator to it (kafkajs reports that as not found),
    // while the group's own principal joins it at once.
    const nhnGroup = `${consumerGroupPrefixOf('care-provider', ['ggz-nhn'])}municipality`;
    expect(String(await readAs(delfland, toDelfland, nhnGroup))).toMatch(/GROUP_AUTHORIZATION_FAILED|GroupCoordinatorNotFound/);
    expect(await readAs(nhn, toNhn, nhnGroup)).toEqual(sent(amsterdam, toNhn));
  });

  it("lets one insurer read the funding requests addressed to it and never another insurer's; placements go to every insurer", async () => {
    const toAchmea = organisationTopicOf(careProviderToInsurerTopic, 'achmea');
    const toVgz = organisationTopicOf(careProviderToInsurerTopic, 'vgz');
    expect(await produceAs(delfland, toAchmea)).toBe('ok');
    expect(await produceAs(nhn, toVgz)).toBe('ok');
    expect(await readAs(achmea, toAchmea)).toEqual(sent(delfland, toAchmea));
    expect(await readAs(vgz, toVgz)).toEqual(sent(nhn, toVgz));
    expect(await readAs(achmea, toVgz)).toBe(refused);
    expect(await readAs(vgz, toAchmea)).toBe(refused);
    expect(await produceAs(rijnmond, employerNetworkToInsurerTopic)).toBe('ok');
    expect(await readAs(achmea, employerNetworkToInsurerTopic)).toEqual(sent(rijnmond, employerNetworkToInsurerTopic));
    expect(await readAs(vgz, employerNetworkToInsurerTopic)).toEqual(sent(rijnmond, employerNetworkToInsurerTopic));
  });

  it("lets one municipality read the answers addressed to it and never another municipality's", async () => {
    const toRotterdam = organisationTopicOf(careProviderToMunicipalityTopic, 'gemeente-rotterdam');
    const toAmsterdam = organisationTopicOf(employerNetworkToMunicipalityTopic, 'gemeente-amsterdam');
    expect(await produceAs(delfland, toRotterdam)).toBe('ok');
    expect(await produceAs(wspAmsterdam, toAmsterdam)).toBe('ok');
    expect(await readAs(rotterdam, toRotterdam)).toEqual(sent(delfland, toRotterdam));
    expect(await readAs(amsterdam, toAmsterdam)).toEqual(sent(wspAmsterdam, toAmsterdam));
    expect(await readAs(amsterdam, toRotterdam)).toBe(refused);
    expect(await readAs(rotterdam, toAmsterdam)).toBe(refused);
  });

  it('lets the employer network read only its own referrals for matching; no partner reads a chain topic; the case view reads every partner', async () => {
    const toRijnmond = organisationTopicOf(municipalityToEmployerNetworkTopic, 'wsp-rijnmond');
    expect(busAccessFor('employer-network', ['wsp-rijnmond']).consumes).toEqual([toRijnmond]);
    expect(await produceAs(rotterdam, toRijnmond)).toBe('ok');
    expect(await produceAs(rijnmond, toRijnmond)).toBe(refused);
    expect(await readAs(rijnmond, toRijnmond)).toEqual(sent(rotterdam, toRijnmond));
    expect(await readAs(wspAmsterdam, toRijnmond)).toBe(refused);
    // Not a GGZ referral, whoever it is addressed to.
    expect(await readAs(rijnmond, organisationTopicOf(municipalityToCareProviderTopic, 'ggz-delfland'))).toBe(refused);
    for (const service of partnerServices) {
      const user = principal(service, organisationsOf[service][0]);
      for (const topic of chainTopics) expect(`${user} reads ${topic}: ${String(await readAs(user, topic))}`).toBe(`${user} reads ${topic}: ${refused}`);
    }
    expect(await readAs(principal('case-view'), careProviderCaseEventsTopic)).toEqual(sent(delfland, careProviderCaseEventsTopic));
    // Without credentials nothing at all.
    const anonymous = new Kafka({ clientId: 'acl-test-anonymous', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2_000 }).admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toThrow();
    await anonymous.disconnect().catch(() => undefined);
  });

  it("lets a producer create a new addressee's topic, and no one else create it", async () => {
    const toNewProvider = organisationTopicOf(municipalityToCareProviderTopic, 'ggz-nieuw');
    expect(await createAs(delfland, toNewProvider)).toBe(refused);
    expect(await createAs(rotterdam, toNewProvider)).toBe('ok');
    expect(await produceAs(rotterdam, toNewProvider)).toBe('ok');
    expect(await readAs(delfland, toNewProvider)).toBe(refused);
  });
});

describe('a service logs in as its own organisation’s principal', () => {
  it('runs the employer network as User:employer-network.wsp-rijnmond: it creates its topics, takes a referral for matching and answers on the referring municipality’s own topic, all under its ACLs', async () => {
    const rijnmond = principal('employer-network', 'wsp-rijnmond');
    employerNetwork = await startServiceProcess({
      service: 'employer-network',
      namespace: ns,
      kafkaBrokers: [brokers],
      env: { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: rijnmond, KAFKA_SASL_PASSWORD: passwords[rijnmond]!, EMPLOYER_NETWORK_ORGANISATION_IDS: 'wsp-rijnmond' },
      startTimeoutMs: 240_000,
    });
    const caseId = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const rotterdam = principal('municipality', 'gemeente-rotterdam');
    const producer = clientAs(rotterdam).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await publishAsPartner(
        producer,
        ns,
        clientReferredForMatchingV1,
        { ...clientReferredForMatchingV1.example, caseId, fromOrganisationId: 'gemeente-rotterdam', toOrganisationId: 'wsp-rijnmond', occurredAt: new Date().toISOString() },
        'urn:nld:oin:00000001002220647000:systeem:wcc-municipality',
      );
    } finally {
      await producer.disconnect();
    }
    const token = await signDevelopmentToken({ userId: 'am-1', organisationId: 'wsp-rijnmond', organisationType: 'employer-network', roles: ['account-manager'] });
    const call = (method: string, route: string) =>
      fetch(`${employerNetwork!.baseUrl}${route}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
    const deadline = Date.now() + 60_000;
    let listed = false;
    while (!listed && Date.now() < deadline) {
      listed = ((await (await call('GET', '/matchings')).json()) as { caseId: string }[]).some((row) => row.caseId === caseId);
      if (!listed) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(listed, `the referral in the matching list\n${employerNetwork.output()}`).toBe(true);
    expect((await call('POST', `/matchings/${caseId}/accept`)).status).toBe(200);
    // Its answer reaches gemeente-rotterdam's own topic (the relay made it, under its prefixed ACL), read as gemeente-rotterdam.
    let answer: string | undefined;
    while (answer === undefined && Date.now() < deadline) {
      const snapshot = await readTopicsToEnd(clientAs(rotterdam), [ns.topic(organisationTopicOf(employerNetworkToMunicipalityTopic, 'gemeente-rotterdam'))], {
        timeoutMs: 20_000,
        groupId: `${ns.groupPrefix}${consumerGroupPrefixOf('municipality', ['gemeente-rotterdam'])}acl-test-answer-${Date.now()}`,
      }).catch(() => undefined);
      answer = snapshot?.messages.map((m) => m.headers['ce_type']).find((type) => type === 'nl.workcarechain.employer-network.referral-accepted.v1');
      if (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(answer, employerNetwork.output()).toBe('nl.workcarechain.employer-network.referral-accepted.v1');
  });
});
