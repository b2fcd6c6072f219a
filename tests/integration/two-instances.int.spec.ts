// Two instances of every chain service at once, each pair on one database and one consumer
// group, under a steady stream of trajectories (register → consent → refer to GGZ →
// accept → funding requested → granted → refer for matching → accepted), and one instance
// of every service SIGKILLed in the middle of it — the relay leader where the service
// publishes. The other instances carry on: the leader's relay is taken over, the dead
// members' partitions move to the survivors after the group session (set to 6 s here with
// KAFKA_CONSUMER_SESSION_TIMEOUT_MS), and commands the dead instance did not answer are sent
// again to the living one with the same Idempotency-Key. Afterwards every effect is there
// exactly once: in the municipality's case, at the insurer, in the shared case view and in
// the exchange log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '@wcc/nest-kit';
import {
  callJson,
  createServiceDatabase,
  eventuallyTrue,
  generateBsn,
  inDays,
  printServiceOutput,
  relayRoleOf,
  reportFault,
  startServiceProcesses,
  testNamespace,
  type JsonResponse,
  type ServiceDatabase,
  type ServiceProcess,
} from '@wcc/testing';

const SERVICES = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log'] as const;
type Service = (typeof SERVICES)[number];
const CLIENTS = 16;
const CONCURRENCY = 4;
const KILL_WHEN_DONE = 6;

const MUNICIPALITY = 'gemeente-amsterdam';
const CARE_PROVIDER = 'ggz-vip-amsterdam';
const EMPLOYER_NETWORK = 'wsp-amsterdam';
const INSURER = 'achmea';

const ns = testNamespace();
const databases = new Map<Service, ServiceDatabase>();
const instances = new Map<Service, ServiceProcess[]>();
const dead = new Set<ServiceProcess>();
const killed: { service: Service; port: number; role: string }[] = [];
const tokens = {} as Record<'municipality' | 'care' | 'employer' | 'insurer' | 'regisseur' | 'auditor', string>;

const alive = (service: Service) => instances.get(service)!.filter((p) => !dead.has(p));
let turn = 0;

/** A command on one living instance, again on the other with the same key when the first does not answer. */
async function command(service: Service, path: string, token: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const key = crypto.randomUUID();
  for (let attempt = 0; attempt < 6; attempt++) {
    const living = alive(service);
    const target = living[(turn++ + attempt) % living.length]!;
    const answer = await callJson(target.baseUrl, 'POST', path, { token, body, headers: { 'idempotency-key': key } }).catch(() => undefined);
    if (answer === undefined || answer.status === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`${service} POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  throw new Error(`no instance of ${service} answered POST ${path}`);
}

async function read(service: Service, path: string, token: string): Promise<JsonResponse | undefined> {
  const living = alive(service);
  return callJson(living[turn++ % living.length]!.baseUrl, 'GET', path, { token }).catch(() => undefined);
}

/** Waits until a GET answers 200 on a living instance (what arrived over Kafka is there). */
async function arrived(service: Service, path: string, token: string, what: string): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  await eventuallyTrue(
    async () => {
      const answer = await read(service, path, token);
      if (answer?.status !== 200) return false;
      body = answer.body;
      return true;
    },
    what,
    90_000,
    () => printable(),
  );
  return body;
}

const printable = () =>
  [...instances.values()]
    .flat()
    .map((p) => `--- ${p.service}:${p.port} ---\n${p.output().split('\n').slice(-15).join('\n')}`)
    .join('\n');

interface Trajectory {
  readonly clientKey: string;
  readonly caseId: string;
  readonly careReferralId: string;
  readonly matchingReferralId: string;
  readonly fundingRequestId: string;
  readonly ms: number;
}

async function trajectory(): Promise<Trajectory> {
  const began = Date.now();
  const { clientKey } = (await command('municipality', '/clients', tokens.municipality, {
    bsn: generateBsn(),
    name: 'Noa Jansen',
    birthYear: 1993,
    sex: 'x',
    education: 'mid',
    benefitType: 'wwb',
    benefitMonthlyAmountCents: 118_000,
    housing: 'independent',
  })) as { clientKey: string };
  const { caseId } = (await command('municipality', '/cases', tokens.municipality, { clientKey })) as { caseId: string };
  await command('municipality', `/cases/${caseId}/consents`, tokens.municipality, {
    purpose: 'chain-coordination',
    organisationTypes: ['municipality', 'care-provider', 'insurer'],
    dataCategories: ['work', 'care-summary', 'financial', 'administrative'],
    validFrom: inDays(0),
  });
  await command('municipality', `/cases/${caseId}/consents`, tokens.municipality, {
    purpose: 'chain-coordination',
    organisationTypes: ['employer-network'],
    dataCategories: ['work', 'administrative'],
    validFrom: inDays(0),
  });
  const { referralId: careReferralId } = (await command('municipality', `/cases/${caseId}/referrals`, tokens.municipality, {
    toOrganisationId: CARE_PROVIDER,
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    reason: 'Screening gevraagd of werk haalbaar is.',
    replyDeadline: inDays(14),
  })) as { referralId: string };
  await arrived('care-provider', `/referrals/${careReferralId}`, tokens.care, `referral ${careReferralId} at the care provider`);
  await command('care-provider', `/referrals/${careReferralId}/accept`, tokens.care);
  const { fundingRequestId } = (await command('care-provider', `/referrals/${careReferralId}/funding-requests`, tokens.care, {
    insurerId: INSURER,
    instrument: 'ips-intake',
    units: 8,
    amountCents: 73_600,
    periodFrom: inDays(0),
    periodTo: inDays(182),
  })) as { fundingRequestId: string };
  await arrived('insurer', `/care-fundings/${fundingRequestId}`, tokens.insurer, `funding request ${fundingRequestId} at the insurer`);
  await command('insurer', `/care-fundings/${fundingRequestId}/grant`, tokens.insurer, { grantedUnits: 8, periodFrom: inDays(0), periodTo: inDays(182) });
  const { referralId: matchingReferralId } = (await command('municipality', `/cases/${caseId}/referrals`, tokens.municipality, {
    toOrganisationId: EMPLOYER_NETWORK,
    toOrganisationType: 'employer-network',
    route: 'matching',
    reason: 'Zoekt 16 tot 20 uur werk in de logistiek.',
    replyDeadline: inDays(10),
  })) as { referralId: string };
  await arrived('employer-network', `/matchings/${caseId}/placements`, tokens.employer, `matching of case ${caseId} at the employer network`);
  await command('employer-network', `/matchings/${caseId}/accept`, tokens.employer);
  return { clientKey, caseId, careReferralId, matchingReferralId, fundingRequestId, ms: Date.now() - began };
}

/** SIGKILLs one instance of each service: the relay leader where there is one. */
async function killOneOfEach(): Promise<void> {
  for (const service of SERVICES) {
    const pair = instances.get(service)!;
    const roles = await Promise.all(pair.map(async (p) => (await relayRoleOf(p)) ?? 'no relay'));
    const index = Math.max(0, roles.indexOf('leader'));
    process.kill(pair[index]!.pid, 'SIGKILL');
    dead.add(pair[index]!);
    killed.push({ service, port: pair[index]!.port, role: roles[index]! });
  }
}

beforeAll(async () => {
  for (const service of SERVICES) databases.set(service, await createServiceDatabase(service));
  const env = { KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '6000', CARE_PROVIDER_ORGANISATION_IDS: CARE_PROVIDER };
  const started = await startServiceProcesses(SERVICES.flatMap((service) => [0, 1].map(() => ({ service, namespace: ns, databaseUrl: databases.get(service)!.url, env, startTimeoutMs: 300_000 }))));
  for (const service of SERVICES)
    instances.set(
      service,
      started.filter((p) => p.service === service),
    );
  tokens.municipality = await signDevelopmentToken({ userId: 'km-two', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['client-manager'] });
  tokens.care = await signDevelopmentToken({ userId: 'screener-two', organisationId: CARE_PROVIDER, organisationType: 'care-provider', roles: ['screener'] });
  tokens.employer = await signDevelopmentToken({ userId: 'am-two', organisationId: EMPLOYER_NETWORK, organisationType: 'employer-network', roles: ['account-manager'] });
  tokens.insurer = await signDevelopmentToken({ userId: 'cm-two', organisationId: INSURER, organisationType: 'insurer', roles: ['contract-manager'] });
  tokens.regisseur = await signDevelopmentToken({ userId: 'regisseur-two', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['regisseur'] });
  tokens.auditor = await signDevelopmentToken({ userId: 'auditor-two', organisationId: 'keten-werk-en-zorg', organisationType: 'chain', roles: ['auditor'] });
}, 400_000);

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => printServiceOutput([...instances.values()].flat()));
});

afterAll(async () => {
  await Promise.all([...instances.values()].flat().map((p) => p.stop(2_000)));
  await Promise.all([...databases.values()].map((d) => d.drop()));
});

describe('two instances of every chain service', () => {
  it('lose and double nothing when one instance of each is SIGKILLed under load', async () => {
    // Each pair shares the relay: exactly one leads.
    for (const service of ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view'] as const) {
      await eventuallyTrue(async () => (await Promise.all(instances.get(service)!.map(relayRoleOf))).sort().join() === 'leader,standby', `one leader and one standby of ${service}`, 30_000, printable);
    }

    const done: Trajectory[] = [];
    let next = 0;
    let killedAt = 0;
    const worker = async () => {
      while (next < CLIENTS) {
        next += 1;
        done.push(await trajectory());
        if (done.length >= KILL_WHEN_DONE && killedAt === 0) {
          killedAt = Date.now();
          await killOneOfEach();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(done).toHaveLength(CLIENTS);
    expect(killed.map((k) => k.service)).toEqual([...SERVICES]);
    expect(
      killed.filter((k) => k.service !== 'exchange-log').every((k) => k.role === 'leader'),
      'the killed instance led its relay',
    ).toBe(true);

    // The municipality: both referrals accepted, once each.
    for (const t of done) {
      await eventuallyTrue(
        async () => {
          const file = await read('municipality', `/cases/${t.caseId}`, tokens.municipality);
          const referrals = (file?.body['referrals'] ?? []) as { referralId: string; status: string }[];
          return referrals.length === 2 && referrals.every((r) => r.status === 'accepted');
        },
        `both referrals of ${t.caseId} accepted at the municipality`,
        60_000,
        printable,
      );
      const granted = await read('insurer', `/care-fundings/${t.fundingRequestId}`, tokens.insurer);
      expect(granted?.body['status'], `funding ${t.fundingRequestId}`).toBe('granted');
    }

    // The shared case view: every item once (by CloudEvent id and by meaning).
    const expectedTypes = ['ClientReferred', 'ClientReferred', 'ReferralAccepted', 'ReferralAccepted', 'CareFundingRequested', 'CareFundingGranted'];
    for (const t of done) {
      let items: { eventId: string; name: string }[] = [];
      await eventuallyTrue(
        async () => {
          const answer = await read('case-view', `/cases/${t.caseId}/timeline?limit=200`, tokens.regisseur);
          items = (answer?.status === 200 ? answer.body['items'] : []) as { eventId: string; name: string }[];
          return expectedTypes.every((type) => items.filter((i) => i.name === type).length >= expectedTypes.filter((e) => e === type).length);
        },
        `the case view's timeline of ${t.caseId}`,
        60_000,
        printable,
      );
      expect(new Set(items.map((i) => i.eventId)).size, `timeline items of ${t.caseId} each once`).toBe(items.length);
      for (const type of new Set(expectedTypes)) expect(items.filter((i) => i.name === type).length, `${type} on ${t.caseId}`).toBe(expectedTypes.filter((e) => e === type).length);
    }

    // The exchange log: each delivery protocolled once.
    // Keyed by what was delivered, by which system (the sending service) to which organisation.
    const deliveries = [
      `deliver ClientReferred|wcc-municipality|${CARE_PROVIDER}`,
      `deliver ReferralAccepted|wcc-care-provider|${MUNICIPALITY}`,
      `deliver CareFundingRequested|wcc-care-provider|${INSURER}`,
      `deliver CareFundingGranted|wcc-insurer|${CARE_PROVIDER}`,
      `deliver ClientReferred|wcc-municipality|${EMPLOYER_NETWORK}`,
      `deliver ReferralAccepted|wcc-employer-network|${MUNICIPALITY}`,
    ];
    let records = 0;
    for (const t of done) {
      let delivered: string[] = [];
      await eventuallyTrue(
        async () => {
          const answer = await read('exchange-log', `/disclosures?dataSubject=${encodeURIComponent(t.clientKey)}&limit=500`, tokens.auditor);
          const all = (answer?.status === 200 ? answer.body['records'] : []) as { name: string; disclosure_kind: string; sender_organisation_id: string; recipient_organisation_id: string }[];
          delivered = all.filter((r) => r.disclosure_kind === 'delivered').map((r) => `${r.name}|${r.sender_organisation_id}|${r.recipient_organisation_id}`);
          return deliveries.every((d) => delivered.includes(d));
        },
        `the exchange log's deliveries for ${t.clientKey}`,
        60_000,
        () => `missing: ${deliveries.filter((d) => !delivered.includes(d)).join('; ')}\nhas: ${delivered.join('; ')}`,
      );
      for (const d of deliveries)
        expect(
          delivered.filter((x) => x === d),
          d,
        ).toHaveLength(1);
      records += delivered.length;
    }

    const slowest = Math.max(...done.map((t) => t.ms));
    console.log(
      `[two instances] ${SERVICES.length} services × 2 processes, ${CLIENTS} trajectories (${CONCURRENCY} at a time); after ${KILL_WHEN_DONE} one instance of each SIGKILLed ` +
        `(${killed.map((k) => `${k.service}:${k.role}`).join(', ')}); all ${CLIENTS} completed on the survivors, every effect once ` +
        `(municipality case, insurer, ${CLIENTS * expectedTypes.length} case-view items, ${records} delivery records); slowest trajectory ${slowest} ms`,
    );
    reportFault({
      fault: 'one of two instances of every service SIGKILLed under load',
      test: 'tests/integration/two-instances.int.spec.ts',
      acknowledged: CLIENTS * 11,
      events: records,
      lost: 0,
      duplicatedEffects: 0,
      redelivered: 0,
      recoveredMs: slowest,
    });
  }, 600_000);
});
