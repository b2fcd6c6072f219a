// End to end through the running insurer app and the real broker: a care provider's
// CloudEvents in on the (prefixed) care-provider topic, the insurer's answers out on its
// own topic as valid CloudEvents, keyed by case, carrying nothing beyond their contract.
import { randomUUID } from 'node:crypto';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  careClaimRejectedV1,
  careClaimSettledV1,
  careClaimSubmittedV1,
  careFundingGrantedV1,
  careFundingRefusedV1,
  careFundingRequestedV1,
  careProviderToInsurerTopic,
  findIntegrationEvent,
  findPrivacyViolations,
  insurerCaseEventsTopic,
  insurerToCareProviderTopic,
  organisationTopicOf,
  screeningAdviceSubmittedV1,
  type CareClaimSubmittedV1,
  type CareFundingRequestedV1,
} from '@wcc/contracts';
import { decodeCloudEvent, type CloudEvent } from '@wcc/messaging';
import { readTopicsToEnd, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { connectedProducer, contractManager, produceCloudEvent, readTopic, startInsurerApp, tokenFor, waitFor } from '../testing/insurer-test-kit';

const db = useTestDatabase();
const ns = testNamespace();
const CARE_PROVIDER_SOURCE = 'urn:nld:oin:ggz-delfland:systeem:care-provider';

let app: NestExpressApplication;
let baseUrl: string;
let producer: Producer;
let reader: { messages: KafkaMessage[]; consumer: Consumer };

beforeAll(async () => {
  ({ app, baseUrl } = await startInsurerApp(db, ns));
  producer = await connectedProducer();
  reader = await readTopic(ns, ns.topic(insurerCaseEventsTopic));
});

afterAll(async () => {
  await reader?.consumer.disconnect();
  await producer?.disconnect();
  await app?.close();
});

function request(overrides: Partial<CareFundingRequestedV1> = {}): CareFundingRequestedV1 {
  return {
    caseId: randomUUID(),
    clientKey: `ck_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    occurredAt: '2025-03-20T09:30:00Z',
    fundingRequestId: randomUUID(),
    organisationId: 'ggz-delfland',
    insurerId: 'achmea',
    instrument: 'ips-intake',
    requestedUnits: 8,
    requestedAmountCents: 73_600,
    periodFrom: '2025-04-01',
    periodTo: '2025-09-30',
    ...overrides,
  };
}

function claimOn(funding: CareFundingRequestedV1, overrides: Partial<CareClaimSubmittedV1> = {}): CareClaimSubmittedV1 {
  return {
    caseId: funding.caseId,
    clientKey: funding.clientKey,
    occurredAt: '2025-05-02T12:00:00Z',
    claimId: randomUUID(),
    fundingRequestId: funding.fundingRequestId,
    organisationId: funding.organisationId,
    insurerId: funding.insurerId,
    instrument: funding.instrument,
    units: 4,
    amountCents: 36_800,
    periodFrom: '2025-04-01',
    periodTo: '2025-04-30',
    ...overrides,
  };
}

/** The first CloudEvent on the insurer topic of `type` whose data matches `match`, decoded, with its Kafka key. */
async function published(type: string, match: (data: Record<string, unknown>) => boolean): Promise<{ event: CloudEvent; key: string | null; headers: Record<string, string> }> {
  return waitFor(`${type} on the insurer topic`, () => {
    for (const message of reader.messages) {
      const decoded = decodeCloudEvent(message);
      if (decoded.ok && decoded.event.type === type && match(decoded.event.data as Record<string, unknown>)) {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        return { event: decoded.event, key: message.key?.toString('utf8') ?? null, headers };
      }
    }
    return undefined;
  });
}

/** A valid CloudEvent of its contract: type and source right, keyed by case, data exactly its schema's fields, nothing private. */
function expectValidInsurerCloudEvent(found: { event: CloudEvent; key: string | null; headers: Record<string, string> }, caseId: string) {
  const { event, key, headers } = found;
  const definition = findIntegrationEvent(event.type);
  expect(definition?.producer).toBe('insurer');
  expect(definition?.validate(event.data)).toMatchObject({ ok: true });
  expect(headers['ce_type']).toBe(event.type);
  expect(headers['ce_source']).toBe('urn:nld:oin:wcc-insurer:systeem:insurer');
  expect(headers['ce_specversion']).toBe('1.0');
  expect(key).toBe(caseId);
  const allowed = Object.keys(definition!.schema.properties);
  for (const field of Object.keys(event.data as object)) expect(allowed).toContain(field);
  expect(findPrivacyViolations(definition!.schema)).toEqual([]);
  const text = JSON.stringify(event.data);
  for (const forbidden of ['decidedBy', 'cm-achmea', 'diagnos', 'careProviderId', 'bsn']) expect(text).not.toContain(forbidden);
}

async function received(funding: CareFundingRequestedV1): Promise<void> {
  await produceCloudEvent(producer, ns, careFundingRequestedV1, funding, CARE_PROVIDER_SOURCE);
  const token = await tokenFor(contractManager(funding.insurerId));
  await waitFor('the funding request in the insurer', async () =>
    (await fetch(`${baseUrl}/care-fundings/${funding.fundingRequestId}`, { headers: { authorization: `Bearer ${token}` } })).status === 200 ? true : undefined,
  );
}

async function grant(funding: CareFundingRequestedV1, body: Record<string, unknown> = { grantedUnits: 8, periodFrom: '2025-04-01', periodTo: '2025-09-30' }): Promise<number> {
  const token = await tokenFor(contractManager(funding.insurerId));
  const response = await fetch(`${baseUrl}/care-fundings/${funding.fundingRequestId}/grant`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('insurer over Kafka', () => {
  it('publishes a grant as CareFundingGranted: €736 for 8 IPS intake sessions, financial and administrative only', async () => {
    const funding = request();
    await received(funding);
    expect(await grant(funding)).toBe(201);
    const found = await published(careFundingGrantedV1.type, (d) => d['fundingRequestId'] === funding.fundingRequestId);
    expectValidInsurerCloudEvent(found, funding.caseId);
    expect(found.event.data).toEqual({
      caseId: funding.caseId,
      clientKey: funding.clientKey,
      occurredAt: expect.any(String) as unknown,
      fundingRequestId: funding.fundingRequestId,
      insurerId: 'achmea',
      addressedTo: 'ggz-delfland',
      instrument: 'ips-intake',
      grantedUnits: 8,
      grantedAmountCents: 73_600,
      unitPriceCents: 9_200,
      tariffVersion: '2015.2',
      periodFrom: '2025-04-01',
      periodTo: '2025-09-30',
    });
    for (const [field, category] of Object.entries(careFundingGrantedV1.categories)) {
      if (field !== 'clientKey') expect(['financial', 'administrative']).toContain(category);
    }
  });

  it('publishes a refusal as CareFundingRefused with its reason', async () => {
    const funding = request({ instrument: 'job-coaching', requestedUnits: 20, requestedAmountCents: 184_000, job: { hoursPerWeek: 24, contractMonths: 12, startDate: '2025-04-01' } });
    await received(funding);
    const token = await tokenFor(contractManager('achmea'));
    const response = await fetch(`${baseUrl}/care-fundings/${funding.fundingRequestId}/refuse`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reasonCode: 'not-covered', reason: 'Funded by the municipality.' }),
    });
    expect(response.status).toBe(201);
    const found = await published(careFundingRefusedV1.type, (d) => d['fundingRequestId'] === funding.fundingRequestId);
    expectValidInsurerCloudEvent(found, funding.caseId);
    expect(found.event.data).toMatchObject({ reasonCode: 'not-covered', reason: 'Funded by the municipality.', instrument: 'job-coaching' });
  });

  it('refuses on arrival job coaching report 002 §5.1.4 does not fund, and publishes why: no job, 11 h/week, a 5-month contract', async () => {
    const job = { hoursPerWeek: 24, contractMonths: 12, startDate: '2025-04-01' };
    const coaching = { instrument: 'job-coaching' as const, requestedUnits: 40, requestedAmountCents: 368_000 };
    const cases = [
      { funding: request(coaching), reasonCode: 'job-details-missing', says: 'state the job' },
      { funding: request({ ...coaching, job: { ...job, hoursPerWeek: 11 } }), reasonCode: 'contract-hours-too-low', says: 'at least 12 hours a week' },
      { funding: request({ ...coaching, job: { ...job, contractMonths: 5 } }), reasonCode: 'contract-too-short', says: 'at least 6 months' },
    ];
    for (const { funding } of cases) await produceCloudEvent(producer, ns, careFundingRequestedV1, funding, CARE_PROVIDER_SOURCE);
    for (const { funding, reasonCode, says } of cases) {
      const found = await published(careFundingRefusedV1.type, (d) => d['fundingRequestId'] === funding.fundingRequestId);
      expectValidInsurerCloudEvent(found, funding.caseId);
      expect(found.event.data).toMatchObject({ instrument: 'job-coaching', reasonCode, addressedTo: 'ggz-delfland' });
      expect((found.event.data as { reason: string }).reason).toContain(says);
      // Nobody decided it by hand: the contract manager finds it refused, not waiting.
      const token = await tokenFor(contractManager('achmea'));
      const detail = (await (await fetch(`${baseUrl}/care-fundings/${funding.fundingRequestId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
      expect(detail).toMatchObject({ status: 'refused', refusal: { reasonCode, decidedBy: 'tariff:2015.2' } });
    }
  });

  it('grants job coaching up to the §5.1.4 cap: 24 h/week in year 1 for 26 weeks is 93 hours at €92', async () => {
    // 2025-04-01 … 2025-09-29 is 182 days: 0.15 × 24 × 26 = 93.6, rounded down.
    const period = { periodFrom: '2025-04-01', periodTo: '2025-09-29' };
    const funding = request({ instrument: 'job-coaching', requestedUnits: 100, requestedAmountCents: 920_000, ...period, job: { hoursPerWeek: 24, contractMonths: 12, startDate: '2025-04-01' } });
    await received(funding);
    expect(await grant(funding, { grantedUnits: 94, ...period })).toBe(400);
    expect(await grant(funding, { grantedUnits: 93, ...period })).toBe(201);
    const found = await published(careFundingGrantedV1.type, (d) => d['fundingRequestId'] === funding.fundingRequestId);
    expectValidInsurerCloudEvent(found, funding.caseId);
    expect(found.event.data).toMatchObject({ instrument: 'job-coaching', grantedUnits: 93, grantedAmountCents: 855_600, unitPriceCents: 9_200, tariffVersion: '2015.2', ...period });
  });

  it('settles a valid CareClaimSubmitted and rejects the next one that would go over budget', async () => {
    const funding = request();
    await received(funding);
    expect(await grant(funding)).toBe(201);

    const first = claimOn(funding, { units: 6, amountCents: 55_200 });
    await produceCloudEvent(producer, ns, careClaimSubmittedV1, first, CARE_PROVIDER_SOURCE);
    const settled = await published(careClaimSettledV1.type, (d) => d['claimId'] === first.claimId);
    expectValidInsurerCloudEvent(settled, funding.caseId);
    expect(settled.event.data).toMatchObject({ units: 6, amountCents: 55_200, remainingUnits: 2, remainingAmountCents: 18_400, settledOn: '2025-05-02' });

    const second = claimOn(funding, { units: 4, amountCents: 36_800, periodFrom: '2025-05-01', periodTo: '2025-05-31' });
    await produceCloudEvent(producer, ns, careClaimSubmittedV1, second, CARE_PROVIDER_SOURCE);
    const rejected = await published(careClaimRejectedV1.type, (d) => d['claimId'] === second.claimId);
    expectValidInsurerCloudEvent(rejected, funding.caseId);
    expect(rejected.event.data).toMatchObject({ reason: 'over-budget', fundingRequestId: funding.fundingRequestId, insurerId: 'achmea' });

    const token = await tokenFor(contractManager('achmea'));
    const detail = (await (await fetch(`${baseUrl}/care-fundings/${funding.fundingRequestId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({
      budget: { settledUnits: 6, settledAmountCents: 55_200, remainingUnits: 2, remainingAmountCents: 18_400 },
      claims: [
        { claimId: first.claimId, outcome: 'settled' },
        { claimId: second.claimId, outcome: 'rejected', reason: 'over-budget' },
      ],
    });
  });

  it('rejects a claim outside the funded period, and one against a request never granted', async () => {
    const funding = request();
    await received(funding);
    expect(await grant(funding)).toBe(201);
    const late = claimOn(funding, { periodFrom: '2025-09-01', periodTo: '2025-10-31' });
    await produceCloudEvent(producer, ns, careClaimSubmittedV1, late, CARE_PROVIDER_SOURCE);
    const outside = await published(careClaimRejectedV1.type, (d) => d['claimId'] === late.claimId);
    expectValidInsurerCloudEvent(outside, funding.caseId);
    expect(outside.event.data).toMatchObject({ reason: 'outside-period' });

    const undecided = request();
    await received(undecided);
    const early = claimOn(undecided);
    await produceCloudEvent(producer, ns, careClaimSubmittedV1, early, CARE_PROVIDER_SOURCE);
    const notGranted = await published(careClaimRejectedV1.type, (d) => d['claimId'] === early.claimId);
    expectValidInsurerCloudEvent(notGranted, undecided.caseId);
    expect(notGranted.event.data).toMatchObject({ reason: 'not-granted' });
  });

  it('never receives what the care provider publishes that is not about funding: it is not on the insurer’s topic', async () => {
    const { rows: before } = await db.pool.query<{ n: number }>('select count(*)::int as n from event_store.events');
    const advice = { ...screeningAdviceSubmittedV1.example, caseId: randomUUID(), adviceId: randomUUID() };
    const adviceId = await produceCloudEvent(producer, ns, screeningAdviceSubmittedV1, advice, CARE_PROVIDER_SOURCE);
    const funding = request({ caseId: advice.caseId });
    await received(funding);
    const { rows: after } = await db.pool.query<{ n: number }>('select count(*)::int as n from event_store.events');
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    // Published as the care provider's relay would, the advice went to the chain and the municipality only.
    const { rows: inbox } = await db.pool.query<{ topic: string }>('select distinct topic from inbox');
    expect(inbox.map((r) => r.topic)).not.toContain(ns.topic('wcc.care-provider.case-events.v1'));
    const onInsurerTopic = await readTopicsToEnd(testKafka('insurer-audience-reader'), [ns.topic(organisationTopicOf(careProviderToInsurerTopic, 'achmea'))], { timeoutMs: 30_000 });
    expect(onInsurerTopic.unfinished).toEqual([]);
    expect(onInsurerTopic.messages.map((m) => m.headers['ce_id'])).not.toContain(adviceId);
    expect(new Set(onInsurerTopic.messages.map((m) => m.headers['ce_type']))).toEqual(new Set([careFundingRequestedV1.type, careClaimSubmittedV1.type]));
  });

  it('answers the care provider that asked on its own topic only, and never holds a request addressed to another insurer', async () => {
    const funding = request({ organisationId: 'ggz-vip-amsterdam' });
    await received(funding);
    expect(await grant(funding)).toBe(201);
    const granted = await published(careFundingGrantedV1.type, (d) => d['fundingRequestId'] === funding.fundingRequestId);
    expect(granted.event.data).toMatchObject({ insurerId: 'achmea', addressedTo: 'ggz-vip-amsterdam' });
    const idsOn = async (topic: string) => (await readTopicsToEnd(testKafka('insurer-answer-reader'), [ns.topic(topic)], { timeoutMs: 30_000 })).messages.map((m) => String(m.headers['ce_id']));
    // Seen on the chain topic, it may still be a moment from readable on the other (one produce request, two appends).
    await waitFor('the grant on ggz-vip-amsterdam’s topic', async () =>
      (await idsOn(organisationTopicOf(insurerToCareProviderTopic, 'ggz-vip-amsterdam'))).includes(granted.event.id) ? true : undefined,
    );
    expect(await idsOn(organisationTopicOf(insurerToCareProviderTopic, 'ggz-delfland'))).not.toContain(granted.event.id);

    // A request to an insurer this deployment does not serve travels on that insurer's own topic, and never reaches this one.
    const toOther = request({ insurerId: 'menzis' });
    const otherId = await produceCloudEvent(producer, ns, careFundingRequestedV1, toOther, CARE_PROVIDER_SOURCE);
    const mine = request();
    await received(mine);
    await waitFor('the request on menzis’s topic', async () => ((await idsOn(organisationTopicOf(careProviderToInsurerTopic, 'menzis'))).includes(otherId) ? true : undefined));
    const { rows } = await db.pool.query('select 1 from inbox where message_id = $1', [otherId]);
    expect(rows).toEqual([]);
    const { rows: stored } = await db.pool.query('select 1 from event_store.events where stream_id = $1', [`care-funding-${toOther.fundingRequestId}`]);
    expect(stored).toEqual([]);
  });
});
