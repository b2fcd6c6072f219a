// What the care provider puts on Kafka, read back from the physical topic as another
// organisation would: valid NL GOV CloudEvents keyed by case id, and — after clinical
// findings with recognisable codes and notes were recorded — no trace of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import {
  careProviderCaseEventsTopic,
  careProviderEvents,
  careProviderToMunicipalityTopic,
  municipalityToCareProviderTopic,
  organisationTopicOf,
  findIntegrationEvent,
  privacyViolationOf,
  referralAcceptedV1,
  referralDeclinedV1,
  screeningAdviceSubmittedV1,
  type ClientReferredV1,
} from '@wcc/contracts';
import { decodeCloudEvent } from '@wcc/messaging';
import { readTopicsToEnd, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { call, eventually, PROVIDER, referClient, startCareProvider, token, type CareProviderTestApp } from '../testing/care-provider.test-kit';

const db = useTestDatabase();
const ns = testNamespace();
let kit: CareProviderTestApp;
let screener: string;
let ipsWorker: string;

interface Wire {
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: string;
  readonly raw: Parameters<typeof decodeCloudEvent>[0];
}
const wire: Wire[] = [];
let reader: Consumer;

const post = (path: string, bearer: string, body?: unknown) => call(kit.baseUrl, 'POST', path, bearer, body);

async function arrivedReferral(): Promise<ClientReferredV1> {
  const referral = await referClient(kit.producer, ns);
  await eventually(async () => ((await call(kit.baseUrl, 'GET', `/referrals/${referral.referralId}`, screener)).status === 200 ? true : undefined), 'the referral');
  return referral;
}

/** A case's messages, each CloudEvent id once: the relay delivers at least once, as a consumer's inbox sees it. */
function messagesOf(referral: ClientReferredV1): Wire[] {
  const seen = new Set<string>();
  return wire.filter((m) => {
    const id = String(m.headers['ce_id']);
    if (m.key !== referral.caseId || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Every property name anywhere in a JSON value. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...keysIn(v)]);
  return [];
}

beforeAll(async () => {
  kit = await startCareProvider(db, ns);
  screener = await token(PROVIDER, ['screener']);
  ipsWorker = await token(PROVIDER, ['ips-worker']);
  reader = testKafka('care-provider-wire-reader').consumer({ groupId: ns.group('wire-reader'), maxWaitTimeInMs: 50 });
  await reader.connect();
  await reader.subscribe({ topics: [ns.topic(careProviderCaseEventsTopic)], fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = String(value);
      wire.push({ key: message.key?.toString('utf8') ?? null, headers, value: message.value?.toString('utf8') ?? '', raw: message });
    },
  });
});

afterAll(async () => {
  await reader?.disconnect();
  await kit?.close();
});

describe('care-provider integration events on Kafka', () => {
  it('publishes an accepted referral as a valid CloudEvent keyed by the case id', async () => {
    const referral = await arrivedReferral();
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, { plannedStart: '2099-01-15' })).status).toBe(200);

    await eventually(async () => (messagesOf(referral).length > 0 ? true : undefined), 'ReferralAccepted on the wire');
    const [message] = messagesOf(referral);
    expect(message?.key).toBe(referral.caseId);
    expect(message?.headers['ce_type']).toBe(referralAcceptedV1.type);
    expect(message?.headers['ce_source']).toBe('urn:nld:oin:wcc-care-provider:systeem:care-provider');
    expect(message?.headers['ce_specversion']).toBe('1.0');
    expect(message?.headers['ce_subject']).toBeUndefined();

    const decoded = decodeCloudEvent(message!.raw);
    if (!decoded.ok) throw new Error(decoded.reason);
    const checked = referralAcceptedV1.validate(decoded.event.data);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.value).toEqual({
      caseId: referral.caseId,
      clientKey: referral.clientKey,
      occurredAt: decoded.event.time,
      referralId: referral.referralId,
      organisationId: PROVIDER,
      addressedTo: referral.fromOrganisationId,
      plannedStart: '2099-01-15',
    });
    expect(keysIn(decoded.event.data).filter((k) => privacyViolationOf(k) !== undefined)).toEqual([]);
  });

  it('sends a decline back to the referrer with its reason', async () => {
    const referral = await arrivedReferral();
    const reason = 'No screening capacity before the deadline; please refer to the regional team.';
    expect((await post(`/referrals/${referral.referralId}/decline`, screener, { reasonCode: 'no-capacity', reason })).status).toBe(200);
    await eventually(async () => (messagesOf(referral).length > 0 ? true : undefined), 'ReferralDeclined on the wire');
    const [message] = messagesOf(referral);
    expect(message?.headers['ce_type']).toBe(referralDeclinedV1.type);
    const decoded = decodeCloudEvent(message!.raw);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(referralDeclinedV1.validate(decoded.event.data).ok).toBe(true);
    expect(decoded.event.data).toMatchObject({ referralId: referral.referralId, organisationId: PROVIDER, reasonCode: 'no-capacity', reason });
  });

  it('never publishes diagnosis codes, clinical notes or a field named like them', async () => {
    const codes = ['F20.0', 'F33.2', '296.33'];
    const note = 'ZEBRA-7731 hoort stemmen sinds de opname in Delft';
    const referral = await arrivedReferral();
    const base = `/referrals/${referral.referralId}`;
    expect((await post(`${base}/accept`, screener, {})).status).toBe(200);
    expect((await post(`${base}/screening/start`, screener)).status).toBe(200);
    const findings = await post(`${base}/screening/clinical-findings`, screener, {
      diagnoses: [
        { system: 'icd-10', code: codes[0] },
        { system: 'icd-10', code: codes[1] },
        { system: 'dsm-5', code: codes[2] },
      ],
      notes: note,
    });
    expect(findings.status).toBe(201);
    expect(
      (
        await post(`${base}/screening/advice`, screener, {
          advisedRoute: 'ips',
          workCapacityHoursPerWeek: 20,
          functionalLimitations: ['personal-functioning.concentration', 'social-functioning.customer-contact'],
          contraIndications: true,
          reviewDate: '2099-06-30',
        })
      ).status,
    ).toBe(201);
    expect((await post(`${base}/ips/job-coach`, ipsWorker, { jobCoachId: 'ips-coach-3' })).status).toBe(200);
    expect((await post(`${base}/ips/intake-sessions`, ipsWorker, { sessionNumber: 1, heldOn: '2025-02-03' })).status).toBe(201);
    expect((await post(`${base}/treatment-episodes`, screener, { startDate: '2025-02-01' })).status).toBe(201);
    expect((await post(`${base}/treatment-episodes/current/end`, screener, { endDate: '2025-05-01', endReason: 'completed' })).status).toBe(200);
    expect(
      (await post(`${base}/funding-requests`, ipsWorker, { insurerId: 'achmea', instrument: 'dbc-care-product', units: 1, amountCents: 250_000, periodFrom: '2025-02-01', periodTo: '2025-12-31' }))
        .status,
    ).toBe(201);
    expect((await post(`${base}/discharge`, screener, { dischargedOn: '2025-05-02', reasonCode: 'care-completed' })).status).toBe(200);

    // The findings were recorded — in this service's own store, and only there.
    const stored = await db.pool.query<{ data: unknown }>(`select data from event_store.events where type = 'ClinicalFindingsRecorded' and stream_id = $1`, [`referral-${referral.referralId}`]);
    expect(JSON.stringify(stored.rows[0]?.data)).toContain(codes[0]);

    const expectedTypes = [
      'ReferralAccepted',
      'ScreeningStarted',
      'ScreeningAdviceSubmitted',
      'IpsJobCoachAssigned',
      'IpsIntakeSessionHeld',
      'TreatmentEpisodeStarted',
      'TreatmentEpisodeEnded',
      'CareFundingRequested',
      'ClientDischarged',
    ].map((name) => careProviderEvents.find((d) => d.name === name)!.type);
    await eventually(async () => (messagesOf(referral).length >= expectedTypes.length ? true : undefined), 'every event of the flow on the wire');
    // Everything on the topic in this namespace, not only this case's messages.
    const everything = [...wire];
    expect(messagesOf(referral).map((m) => m.headers['ce_type'])).toEqual(expectedTypes);

    for (const message of everything) {
      const text = `${message.value} ${JSON.stringify(message.headers)}`;
      for (const code of codes) expect(text).not.toContain(code);
      expect(text).not.toContain('ZEBRA-7731');
      expect(text).not.toContain('hoort stemmen');
      const decoded = decodeCloudEvent(message.raw);
      if (!decoded.ok) throw new Error(decoded.reason);
      const definition = findIntegrationEvent(decoded.event.type);
      expect(definition?.producer).toBe('care-provider');
      expect(definition?.validate(decoded.event.data).ok).toBe(true);
      const keys = [...keysIn(decoded.event.data), ...Object.keys(message.headers)];
      expect(keys.filter((k) => /diagnos|clinical|icd|dsm|note/i.test(k))).toEqual([]);
    }
    const advice = everything.find((m) => m.key === referral.caseId && m.headers['ce_type'] === screeningAdviceSubmittedV1.type);
    expect(Object.keys(JSON.parse(advice!.value) as object).sort()).toEqual(
      [
        'caseId',
        'clientKey',
        'occurredAt',
        'adviceId',
        'referralId',
        'organisationId',
        'addressedTo',
        'advisedRoute',
        'workCapacityHoursPerWeek',
        'functionalLimitations',
        'contraIndications',
        'reviewDate',
      ].sort(),
    );
  });

  it("answers on the referring municipality's own topic only, and never holds a referral to a provider it does not serve", async () => {
    const fromAmsterdam = await referClient(kit.producer, ns, { fromOrganisationId: 'gemeente-amsterdam' });
    await eventually(async () => ((await call(kit.baseUrl, 'GET', `/referrals/${fromAmsterdam.referralId}`, screener)).status === 200 ? true : undefined), 'the referral');
    // A referral to a provider this deployment does not serve travels on that provider's own topic.
    const elsewhere = await referClient(kit.producer, ns, { toOrganisationId: 'ggz-elders' });
    expect((await post(`/referrals/${fromAmsterdam.referralId}/accept`, screener, {})).status).toBe(200);

    const read = async (topic: string) => (await readTopicsToEnd(testKafka('care-provider-audience-reader'), [ns.topic(topic)], { timeoutMs: 30_000 })).messages;
    const answered = (messages: Awaited<ReturnType<typeof read>>) => messages.filter((m) => m.key === fromAmsterdam.caseId).map((m) => String(m.headers['ce_type']));
    const toAmsterdam = await eventually(async () => {
      const messages = await read(organisationTopicOf(careProviderToMunicipalityTopic, 'gemeente-amsterdam'));
      return answered(messages).length > 0 ? messages : undefined;
    }, 'the answer on gemeente-amsterdam’s topic');
    expect(answered(toAmsterdam)).toEqual([referralAcceptedV1.type]);
    expect(answered(await read(organisationTopicOf(careProviderToMunicipalityTopic, 'gemeente-rotterdam')))).toEqual([]);

    expect((await read(organisationTopicOf(municipalityToCareProviderTopic, 'ggz-elders'))).map((m) => m.key)).toContain(elsewhere.caseId);
    expect((await call(kit.baseUrl, 'GET', `/referrals/${elsewhere.referralId}`, await token('ggz-elders', ['screener']))).status).toBe(404);
    const { rows } = await db.pool.query(`select 1 from event_store.events where stream_id = $1`, [`referral-${elsewhere.referralId}`]);
    expect(rows).toEqual([]);
  });
});
