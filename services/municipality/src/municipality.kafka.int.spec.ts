// The municipality on the bus, against the real broker: its commands reach Kafka as
// valid CloudEvents keyed by case id; not one message carries a BSN or a name; and the
// care provider's and employer network's events update the case (or are dead-lettered
// when they answer what was not sent to them).
import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  careProviderToMunicipalityTopic,
  deadLetterTopicOf,
  employerNetworkReferralAcceptedV1,
  findIntegrationEvent,
  municipalityCaseEventsTopic,
  organisationTopicOf,
  placementEndedV1,
  placementStartedV1,
  referralAcceptedV1,
  referralDeclinedV1,
  screeningAdviceSubmittedV1,
} from '@wcc/contracts';
import type { IntegrationConsumer } from '@wcc/messaging';
import { INTEGRATION_CONSUMERS } from '@wcc/nest-kit';
import { bsnLikeNumbersIn, testNamespace, useTestDatabase } from '@wcc/testing';
import {
  BSNS,
  call,
  CARE_PROVIDER,
  caseWithConsent,
  EMPLOYER_NETWORK,
  eventually,
  publishAsPartner,
  registration,
  startMunicipality,
  storedEventCount,
  token,
  zrm,
  MUNICIPALITY,
  type MunicipalityTestApp,
} from './testing/municipality.test-kit';
import { consumeUntil, type Consumed } from './testing/consume-until';

const db = useTestDatabase();
const ns = testNamespace();
let service: MunicipalityTestApp;
let base: string;
let clientManager: string;
let regisseur: string;

const NAMES = ['Fatima', 'el Amrani', 'Johan', 'de Vries'];
const CARE_SOURCE = `urn:nld:oin:${CARE_PROVIDER}:systeem:care-provider`;
const EMPLOYER_SOURCE = `urn:nld:oin:${EMPLOYER_NETWORK}:systeem:employer-network`;

function headerText(headers: IHeaders): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.map(String).join(',') : String(value)}`)
    .join('\n');
}

let fullCase: { clientKey: string; caseId: string; consentId: string };
let careReferralId: string;
let matchingReferralId: string;
let closedCaseId: string;

beforeAll(async () => {
  service = await startMunicipality(db, ns);
  base = service.baseUrl;
  clientManager = await token(MUNICIPALITY, ['client-manager']);
  regisseur = await token(MUNICIPALITY, ['regisseur']);

  // One case that goes through everything the municipality publishes.
  fullCase = await caseWithConsent(base, clientManager, BSNS[0]);
  const { caseId } = fullCase;
  const ok = async (path: string, body?: unknown, bearer = regisseur) => {
    const response = await call(base, 'POST', `/cases/${caseId}${path}`, bearer, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  await ok('/regie', { userId: 'regisseur-17' });
  await ok('/regie/transfer', { toUserId: 'regisseur-23', reason: 'Johan de Vries asked for another case worker' });
  careReferralId = (
    await ok('/referrals', {
      toOrganisationId: CARE_PROVIDER,
      toOrganisationType: 'care-provider',
      route: 'ggz-screening',
      reason: 'Screening advice requested.',
      replyDeadline: '2099-01-31',
    })
  )['referralId'] as string;
  matchingReferralId = (
    await ok('/referrals', {
      toOrganisationId: EMPLOYER_NETWORK,
      toOrganisationType: 'employer-network',
      route: 'matching',
      reason: 'Ready for matching in logistics.',
      replyDeadline: '2099-01-31',
    })
  )['referralId'] as string;
  await ok('/measurements', { moment: 'baseline', measuredOn: '2025-03-03', ladderRung: 2, growthPotential: true, zrm });
  await ok('/benefit/adjust', { benefitType: 'wwb', monthlyAmountCents: 98_000, effectiveFrom: '2025-04-01', reason: 'Earnings of Fatima el Amrani' }, clientManager);
  await ok('/benefit/end', { reasonCode: 'other', reasonText: 'Moved in with partner Johan', endedOn: '2025-08-31' }, clientManager);
  await ok('/benefit/reapply', { benefitType: 'wwb', monthlyAmountCents: 123_456, reappliedOn: '2026-01-05' }, clientManager);
  const withdrawable = await ok('/consents', { purpose: 'research', organisationTypes: ['insurer'], dataCategories: ['financial'], validFrom: '2025-01-01' });
  await ok(`/consents/${withdrawable['consentId'] as string}/withdraw`);

  // A second case that drops out and is closed, with a free-text reason that must stay home.
  const second = await caseWithConsent(base, clientManager, BSNS[1]);
  closedCaseId = second.caseId;
  await call(base, 'POST', `/cases/${closedCaseId}/dropout`, regisseur, { phase: 'assessment', reasonCode: 'other', reasonText: 'Fatima moved abroad', droppedOutOn: '2025-05-01' });
  await call(base, 'POST', `/cases/${closedCaseId}/close`, regisseur, { reasonCode: 'dropped-out', note: 'Johan de Vries informed' });

  // A client registered with a name but no case: nothing about them may be published at all.
  await call(base, 'POST', '/clients', clientManager, registration(BSNS[2], { name: 'Johan de Vries' }));
});

afterAll(async () => {
  await service?.close();
});

const expectedTypes = [
  'client-registered',
  'case-opened',
  'consent-granted',
  'consent-withdrawn',
  'regie-assigned',
  'regie-transferred',
  'client-referred',
  'participation-measured',
  'benefit-adjusted',
  'benefit-ended',
  'benefit-reapplied',
  'dropped-out',
  'case-closed',
].map((name) => `nl.workcarechain.municipality.${name}.v1`);

describe('the municipality on Kafka', () => {
  let published: Consumed[];

  beforeAll(async () => {
    // The first case publishes 13 integration events, the second 5, the caseless client none.
    published = await consumeUntil(ns, ns.topic(municipalityCaseEventsTopic), (messages) => messages.length >= 18);
  });

  it('publishes every command as a valid CloudEvent of its contract, keyed by case id, from the municipality', () => {
    expect(published).toHaveLength(18);
    expect(new Set(published.map((m) => m.cloudEvent.type))).toEqual(new Set(expectedTypes));
    for (const message of published) {
      const { cloudEvent } = message;
      const definition = findIntegrationEvent(cloudEvent.type);
      expect(definition, cloudEvent.type).toBeDefined();
      const checked = definition!.validate(cloudEvent.data);
      expect(checked.ok, `${cloudEvent.type}: ${JSON.stringify(checked)}`).toBe(true);
      expect(cloudEvent.source).toBe('urn:nld:oin:wcc-municipality:systeem:municipality');
      expect(cloudEvent.specversion).toBe('1.0');
      expect(cloudEvent.time).toBeDefined();
      expect(message.key).toBe((cloudEvent.data as { caseId: string }).caseId);
      // Only contract-declared fields: nothing beyond the schema's properties.
      expect(Object.keys(cloudEvent.data as object).every((field) => field in definition!.schema.properties)).toBe(true);
    }
  });

  it('keeps a case’s events in order on its partition: ClientRegistered, CaseOpened, ConsentGranted, …', () => {
    const ofCase = published.filter((m) => m.key === fullCase.caseId).map((m) => m.cloudEvent.type.split('.')[3]);
    expect(ofCase.slice(0, 3)).toEqual(['client-registered', 'case-opened', 'consent-granted']);
    expect(ofCase.indexOf('regie-transferred')).toBeGreaterThan(ofCase.indexOf('regie-assigned'));
    expect(ofCase.indexOf('benefit-reapplied')).toBeGreaterThan(ofCase.indexOf('benefit-ended'));
  });

  it('never carries a BSN, a name, a sealed value or a free-text reason, in key, headers or data', () => {
    expect(published.length).toBeGreaterThanOrEqual(expectedTypes.length);
    for (const message of published) {
      const everything = `${message.key ?? ''}\n${headerText(message.headers)}\n${message.value}`;
      expect(bsnLikeNumbersIn(everything), message.cloudEvent.type).toEqual([]);
      for (const bsn of BSNS) expect(everything).not.toContain(bsn);
      for (const name of NAMES) expect(everything).not.toContain(name);
      expect(everything).not.toMatch(/sealed|bsn|"name"|reasonText|note/i);
    }
    // The scan itself would catch one: a BSN in the text is found.
    expect(bsnLikeNumbersIn(`{"x":"${BSNS[3]}"}`)).toEqual([BSNS[3]]);
  });

  it('publishes nothing about a client until a case is opened for them', () => {
    const registered = published.filter((m) => m.cloudEvent.type === 'nl.workcarechain.municipality.client-registered.v1');
    expect(registered.map((m) => (m.cloudEvent.data as { caseId: string }).caseId).sort()).toEqual([fullCase.caseId, closedCaseId].sort());
  });
});

describe('partner events on the case', () => {
  const caseFile = async () => (await call(base, 'GET', `/cases/${fullCase.caseId}`, regisseur)).body;
  const envelope = () => ({ caseId: fullCase.caseId, clientKey: fullCase.clientKey, occurredAt: new Date().toISOString() });

  it("records the care provider's acceptance and screening advice; the case shows both", async () => {
    await publishAsPartner(
      service.producer,
      ns,
      referralAcceptedV1,
      { ...envelope(), referralId: careReferralId, organisationId: CARE_PROVIDER, addressedTo: MUNICIPALITY, plannedStart: '2025-03-12' },
      CARE_SOURCE,
    );
    await publishAsPartner(
      service.producer,
      ns,
      screeningAdviceSubmittedV1,
      {
        ...envelope(),
        adviceId: randomUUID(),
        referralId: careReferralId,
        organisationId: CARE_PROVIDER,
        addressedTo: MUNICIPALITY,
        advisedRoute: 'ips',
        workCapacityHoursPerWeek: 16,
        recommendedHoursPerWeek: 12,
        functionalLimitations: ['social-functioning'],
        contraIndications: false,
        reviewDate: '2025-06-14',
      },
      CARE_SOURCE,
    );
    const file = await eventually(async () => {
      const body = await caseFile();
      return body['latestAdvice'] ? body : undefined;
    }, 'the screening advice on the case');
    const referrals = file['referrals'] as { referralId: string; status: string; plannedStart?: string; overdue: boolean }[];
    expect(referrals.find((r) => r.referralId === careReferralId)).toMatchObject({ status: 'accepted', plannedStart: '2025-03-12', overdue: false });
    expect(file['latestAdvice']).toMatchObject({
      referralId: careReferralId,
      organisationId: CARE_PROVIDER,
      advisedRoute: 'ips',
      workCapacityHoursPerWeek: 16,
      functionalLimitations: ['social-functioning'],
    });
  });

  it("records the employer network's acceptance and placements with sequence, hours, wage and contract type", async () => {
    await publishAsPartner(
      service.producer,
      ns,
      employerNetworkReferralAcceptedV1,
      { ...envelope(), referralId: matchingReferralId, organisationId: EMPLOYER_NETWORK, addressedTo: MUNICIPALITY },
      EMPLOYER_SOURCE,
    );
    const placementId = randomUUID();
    await publishAsPartner(
      service.producer,
      ns,
      placementStartedV1,
      {
        ...envelope(),
        organisationId: EMPLOYER_NETWORK,
        addressedTo: MUNICIPALITY,
        placementId,
        sequence: 1,
        employerId: randomUUID(),
        employerName: 'Bakkerij De Korenschoof',
        role: 'Baker assistant',
        contractType: 'temporary-6m',
        hoursPerWeek: 24,
        grossHourlyWageCents: 1416,
        wageValuePercent: 70,
        wageSubsidy: true,
        jobCoach: true,
        startDate: '2025-04-01',
      },
      EMPLOYER_SOURCE,
    );
    await publishAsPartner(
      service.producer,
      ns,
      placementEndedV1,
      { ...envelope(), organisationId: EMPLOYER_NETWORK, addressedTo: MUNICIPALITY, placementId, endDate: '2025-09-30', reason: 'contract-not-renewed' },
      EMPLOYER_SOURCE,
    );
    const file = await eventually(async () => {
      const body = await caseFile();
      const placements = body['placements'] as { endDate?: string }[];
      return placements.length === 1 && placements[0]?.endDate ? body : undefined;
    }, 'the ended placement on the case');
    expect(file['placements']).toEqual([
      expect.objectContaining({ placementId, sequence: 1, hoursPerWeek: 24, grossHourlyWageCents: 1416, contractType: 'temporary-6m', endDate: '2025-09-30', endReason: 'contract-not-renewed' }),
    ]);
    const referrals = file['referrals'] as { referralId: string; status: string }[];
    expect(referrals.find((r) => r.referralId === matchingReferralId)?.status).toBe('accepted');
  });

  it('dead-letters an answer from an organisation the referral was not sent to, and changes nothing', async () => {
    const before = await storedEventCount(db);
    const id = await publishAsPartner(
      service.producer,
      ns,
      referralDeclinedV1,
      { ...envelope(), referralId: careReferralId, organisationId: 'ggz-elders', addressedTo: MUNICIPALITY, reasonCode: 'no-capacity', reason: 'Full' },
      'urn:nld:oin:ggz-elders:systeem:care-provider',
    );
    const deadLetters = await consumeUntil(ns, ns.topic(deadLetterTopicOf(organisationTopicOf(careProviderToMunicipalityTopic, MUNICIPALITY))), (messages) =>
      messages.some((m) => m.cloudEvent.id === id),
    );
    const reason = deadLetters.find((m) => m.cloudEvent.id === id)!.headers['dlq_reason']!.toString();
    expect(reason).toMatch(/another organisation/);
    expect(await storedEventCount(db)).toBe(before);
    const referrals = (await caseFile())['referrals'] as { referralId: string; status: string }[];
    expect(referrals.find((r) => r.referralId === careReferralId)?.status).toBe('accepted');
  });

  it('passes over events about cases this municipality does not hold (handled, not dead-lettered, nothing stored)', async () => {
    const before = await storedEventCount(db);
    const id = await publishAsPartner(
      service.producer,
      ns,
      referralAcceptedV1,
      { caseId: randomUUID(), clientKey: 'ck_someoneElsesClient01', occurredAt: new Date().toISOString(), referralId: randomUUID(), organisationId: CARE_PROVIDER, addressedTo: MUNICIPALITY },
      CARE_SOURCE,
    );
    // The inbox row commits with the handler's effect: once it is there, the event was handled without failing.
    await eventually(async () => {
      const { rowCount } = await db.pool.query('select 1 from inbox where message_id = $1', [id]);
      return rowCount ? true : undefined;
    }, 'the inbox record of the foreign event');
    expect(await storedEventCount(db)).toBe(before);
  });

  it('never receives an answer addressed to a municipality it does not serve: that travels on the other municipality’s own topic', async () => {
    const elsewhere = 'gemeente-elders';
    const toOther = await publishAsPartner(service.producer, ns, referralAcceptedV1, { ...envelope(), referralId: randomUUID(), organisationId: CARE_PROVIDER, addressedTo: elsewhere }, CARE_SOURCE);
    const toUs = await publishAsPartner(
      service.producer,
      ns,
      referralAcceptedV1,
      { caseId: randomUUID(), clientKey: 'ck_someoneElsesClient02', occurredAt: new Date().toISOString(), referralId: randomUUID(), organisationId: CARE_PROVIDER, addressedTo: MUNICIPALITY },
      CARE_SOURCE,
    );
    // The one addressed to us is handled (its inbox row), the other is on a topic this deployment does not read.
    await eventually(async () => ((await db.pool.query('select 1 from inbox where message_id = $1', [toUs])).rowCount ? true : undefined), 'the inbox record of the event addressed to us');
    expect((await db.pool.query('select topic from inbox where message_id = $1', [toOther])).rows).toEqual([]);
    expect(service.app.get<IntegrationConsumer[]>(INTEGRATION_CONSUMERS).flatMap((c) => c.topics)).not.toContain(ns.topic(organisationTopicOf(careProviderToMunicipalityTopic, elsewhere)));
    const onTheirTopic = await consumeUntil(ns, ns.topic(organisationTopicOf(careProviderToMunicipalityTopic, elsewhere)), (messages) => messages.some((m) => m.cloudEvent.id === toOther));
    expect(onTheirTopic.map((m) => m.cloudEvent.id)).toContain(toOther);
  });
});
