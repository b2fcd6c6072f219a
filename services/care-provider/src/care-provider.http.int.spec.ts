// The care provider's HTTP API against a real Postgres and Kafka: referrals arrive
// from the municipality's topic, screeners and IPS workers act on them, the insurer's
// answers come back over Kafka. Every refusal is checked to append nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientReferredV1 } from '@wcc/contracts';
import { inDays, testNamespace, useTestDatabase } from '@wcc/testing';
import { openApiLintErrors } from '@wcc/service-testing';
import {
  call,
  eventually,
  grantFunding,
  OTHER_PROVIDER,
  PROVIDER,
  referClient,
  refuseFunding,
  settleClaim,
  startCareProvider,
  storedEventCount,
  token,
  type CareProviderTestApp,
} from './testing/care-provider.test-kit';

const db = useTestDatabase();
const ns = testNamespace();
let kit: CareProviderTestApp;
let screener: string;
let ipsWorker: string;
let otherScreener: string;
let employer: string;
let municipality: string;

const validAdvice = {
  advisedRoute: 'ips',
  workCapacityHoursPerWeek: 16,
  recommendedHoursPerWeek: 12,
  functionalLimitations: ['social-functioning.dealing-with-conflicts', 'working-hours.night-work'],
  contraIndications: false,
  reviewDate: inDays(90),
};

const get = (path: string, bearer?: string) => call(kit.baseUrl, 'GET', path, bearer);
const post = (path: string, bearer: string | undefined, body?: unknown, headers?: Record<string, string>) => call(kit.baseUrl, 'POST', path, bearer, body, headers);

/** Refer a client and wait until it is in the inbox. */
async function arrivedReferral(overrides: Partial<ClientReferredV1> = {}): Promise<ClientReferredV1> {
  const referral = await referClient(kit.producer, ns, overrides);
  await eventually(async () => {
    const found = await get(`/referrals/${referral.referralId}`, overrides.toOrganisationId === OTHER_PROVIDER ? otherScreener : screener);
    return found.status === 200 ? found : undefined;
  }, `referral ${referral.referralId} in the inbox`);
  return referral;
}

/** Runs a refused call and proves it stored nothing. */
async function refused(run: () => Promise<{ status: number; body: Record<string, unknown>; contentType: string | null }>, status: number) {
  const before = await storedEventCount(db);
  const response = await run();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toContain('application/problem+json');
  expect(await storedEventCount(db)).toBe(before);
  return response.body;
}

const fieldsOf = (body: Record<string, unknown>) => ((body['errors'] as { field: string }[] | undefined) ?? []).map((e) => e.field);

beforeAll(async () => {
  kit = await startCareProvider(db, ns);
  screener = await token(PROVIDER, ['screener']);
  ipsWorker = await token(PROVIDER, ['ips-worker']);
  otherScreener = await token(OTHER_PROVIDER, ['screener']);
  employer = await token('werkgeversservicepunt-rijnmond', ['account-manager'], 'employer-network');
  municipality = await token('gemeente-rotterdam', ['client-manager'], 'municipality');
});

afterAll(async () => {
  await kit?.close();
});

describe('care-provider HTTP API', () => {
  it('takes referrals addressed to a care provider from Kafka into that provider’s inbox only', async () => {
    const mine = await arrivedReferral();
    const theirs = await arrivedReferral({ toOrganisationId: OTHER_PROVIDER });
    const toEmployer = await referClient(kit.producer, ns, { toOrganisationType: 'employer-network', toOrganisationId: PROVIDER });

    const inbox = await get('/referrals', screener);
    expect(inbox.status).toBe(200);
    const ids = (inbox.body['items'] as { referralId: string }[]).map((i) => i.referralId);
    expect(ids).toContain(mine.referralId);
    expect(ids).not.toContain(theirs.referralId);
    expect(ids).not.toContain(toEmployer.referralId);
    const item = (inbox.body['items'] as Record<string, unknown>[]).find((i) => i['referralId'] === mine.referralId);
    expect(item).toMatchObject({ caseId: mine.caseId, clientKey: mine.clientKey, status: 'received', overdue: false, screeningStatus: 'not-started' });
  });

  it('filters the inbox by status and shows a referral past its reply deadline as overdue', async () => {
    const late = await arrivedReferral({ replyDeadline: '2020-01-31' });
    const overdue = await get('/referrals?status=overdue', screener);
    expect(overdue.status).toBe(200);
    expect((overdue.body['items'] as { referralId: string; overdue: boolean }[]).map((i) => [i.referralId, i.overdue])).toEqual([[late.referralId, true]]);
    const accepted = await get('/referrals?status=accepted', screener);
    expect((accepted.body['items'] as { referralId: string }[]).map((i) => i.referralId)).not.toContain(late.referralId);
    const bad = await get('/referrals?status=lost', screener);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['status']);
  });

  it('answers 401 without a token or with a forged one', async () => {
    expect((await get('/referrals')).status).toBe(401);
    expect((await get('/referrals', 'not-a-token')).status).toBe(401);
    const referral = await arrivedReferral();
    await refused(() => post(`/referrals/${referral.referralId}/accept`, undefined, {}), 401);
  });

  it('refuses employer and municipality users (403), and roles that do not fit', async () => {
    const referral = await arrivedReferral();
    expect((await get('/referrals', employer)).status).toBe(403);
    expect((await get(`/referrals/${referral.referralId}`, municipality)).status).toBe(403);
    await refused(() => post(`/referrals/${referral.referralId}/accept`, municipality, {}), 403);
    await refused(() => post(`/referrals/${referral.referralId}/accept`, employer, {}), 403);
    await refused(() => post(`/referrals/${referral.referralId}/accept`, ipsWorker, {}), 403);
  });

  it("treats another provider's referral as not found (404), for reads and commands alike", async () => {
    const referral = await arrivedReferral();
    expect((await get(`/referrals/${referral.referralId}`, otherScreener)).status).toBe(404);
    expect((await get(`/referrals/${referral.referralId}/screening/clinical-findings`, otherScreener)).status).toBe(404);
    await refused(() => post(`/referrals/${referral.referralId}/accept`, otherScreener, {}), 404);
    await refused(() => post(`/referrals/${referral.referralId}/decline`, otherScreener, { reasonCode: 'other', reason: 'Not ours.' }), 404);
  });

  it('answers 404 for an unknown referral and 400 for a malformed id', async () => {
    const unknown = '3f1e2d3c-4b5a-4697-8877-665544332211';
    expect((await get(`/referrals/${unknown}`, screener)).status).toBe(404);
    await refused(() => post(`/referrals/${unknown}/accept`, screener, {}), 404);
    const malformed = await refused(() => post('/referrals/not-a-uuid/accept', screener, {}), 400);
    expect(fieldsOf(malformed)).toEqual(['referralId']);
  });

  it('accepts a referral once (200, then 409)', async () => {
    const referral = await arrivedReferral();
    const accepted = await post(`/referrals/${referral.referralId}/accept`, screener, { plannedStart: inDays(7) });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ referralId: referral.referralId, status: 'accepted', version: 2 });
    const detail = await get(`/referrals/${referral.referralId}`, screener);
    expect(detail.body).toMatchObject({ status: 'accepted', plannedStart: inDays(7) });
    await refused(() => post(`/referrals/${referral.referralId}/accept`, screener, {}), 409);
    await refused(() => post(`/referrals/${referral.referralId}/decline`, screener, { reasonCode: 'other', reason: 'Changed our mind.' }), 409);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, and a reused key for another request with 422', async () => {
    const referral = await arrivedReferral();
    const key = { 'idempotency-key': randomUUID() };
    const accepted = await post(`/referrals/${referral.referralId}/accept`, screener, { plannedStart: inDays(7) }, key);
    expect(accepted).toMatchObject({ status: 200, body: { referralId: referral.referralId, status: 'accepted', version: 2 } });
    const before = await storedEventCount(db);
    const retried = await post(`/referrals/${referral.referralId}/accept`, screener, { plannedStart: inDays(7) }, key);
    expect(retried).toMatchObject({ status: 200, body: accepted.body });
    const reused = await refused(() => post(`/referrals/${referral.referralId}/accept`, screener, { plannedStart: inDays(8) }, key), 422);
    expect(reused).toMatchObject({ code: 'idempotency-key-reused', errors: [{ field: 'Idempotency-Key' }] });
    expect(await storedEventCount(db)).toBe(before);

    const request = { insurerId: 'achmea', instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-09-30' };
    const fundingKey = { 'idempotency-key': randomUUID() };
    const first = await post(`/referrals/${referral.referralId}/funding-requests`, ipsWorker, request, fundingKey);
    expect(first.status).toBe(201);
    const again = await post(`/referrals/${referral.referralId}/funding-requests`, ipsWorker, request, fundingKey);
    expect(again).toMatchObject({ status: 201, body: first.body });
  });

  it('declines only with a reason (400 naming it), and keeps the reason on the referral', async () => {
    const referral = await arrivedReferral();
    const missing = await refused(() => post(`/referrals/${referral.referralId}/decline`, screener, { reasonCode: 'no-capacity' }), 400);
    expect(fieldsOf(missing)).toEqual(['/reason']);
    const blank = await refused(() => post(`/referrals/${referral.referralId}/decline`, screener, { reasonCode: 'no-capacity', reason: '   ' }), 400);
    expect(fieldsOf(blank)).toEqual(['/reason']);
    const unknownField = await refused(() => post(`/referrals/${referral.referralId}/decline`, screener, { reasonCode: 'maybe', reason: 'x', diagnosis: 'F32.1' }), 400);
    expect(fieldsOf(unknownField).sort()).toEqual(['/diagnosis', '/reasonCode']);

    const declined = await post(`/referrals/${referral.referralId}/decline`, screener, { reasonCode: 'no-capacity', reason: 'No screening capacity before the deadline.' });
    expect(declined.status).toBe(200);
    const detail = await get(`/referrals/${referral.referralId}`, screener);
    expect(detail.body).toMatchObject({ status: 'declined', decline: { reasonCode: 'no-capacity', reason: 'No screening capacity before the deadline.' } });

    await refused(() => post(`/referrals/${referral.referralId}/screening/advice`, screener, validAdvice), 409);
  });

  it('screens: advice before start is 409, review date not after today is 400 naming it, findings stay private, advice shows on the referral', async () => {
    const referral = await arrivedReferral();
    await refused(() => post(`/referrals/${referral.referralId}/screening/start`, screener), 409); // not accepted yet
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, {})).status).toBe(200);
    const early = await refused(() => post(`/referrals/${referral.referralId}/screening/advice`, screener, validAdvice), 409);
    expect(early['code']).toBe('screening-not-started');

    expect((await post(`/referrals/${referral.referralId}/screening/start`, screener)).status).toBe(200);
    await refused(() => post(`/referrals/${referral.referralId}/screening/start`, screener), 409);

    const findings = await post(`/referrals/${referral.referralId}/screening/clinical-findings`, screener, {
      diagnoses: [{ system: 'icd-10', code: 'F33.1' }],
      notes: 'Recurrent depressive episodes.',
    });
    expect(findings.status).toBe(201);
    expect(findings.body['findingsId']).toMatch(/^[0-9a-f-]{36}$/);
    const badCode = await refused(() => post(`/referrals/${referral.referralId}/screening/clinical-findings`, screener, { diagnoses: [{ system: 'icd-10', code: 'sad' }] }), 400);
    expect(fieldsOf(badCode)).toEqual(['/diagnoses/0/code']);
    await refused(() => post(`/referrals/${referral.referralId}/screening/clinical-findings`, ipsWorker, { diagnoses: [{ system: 'icd-10', code: 'F33.1' }] }), 403);
    expect((await get(`/referrals/${referral.referralId}/screening/clinical-findings`, ipsWorker)).status).toBe(403);
    const readBack = await get(`/referrals/${referral.referralId}/screening/clinical-findings`, screener);
    expect(readBack.body['items']).toMatchObject([{ diagnoses: [{ system: 'icd-10', code: 'F33.1' }], notes: 'Recurrent depressive episodes.' }]);

    // Today as the service counts it: in Amsterdam (after 23:00 UTC in winter that is already tomorrow in UTC).
    const today = inDays(0);
    const pastReview = await refused(() => post(`/referrals/${referral.referralId}/screening/advice`, screener, { ...validAdvice, reviewDate: today }), 400);
    expect(fieldsOf(pastReview)).toEqual(['/reviewDate']);
    const badBody = await refused(
      () => post(`/referrals/${referral.referralId}/screening/advice`, screener, { ...validAdvice, advisedRoute: 'sheltered', workCapacityHoursPerWeek: 'many', functionalLimitations: ['F33.1'] }),
      400,
    );
    expect(fieldsOf(badBody)).toEqual(expect.arrayContaining(['/advisedRoute', '/workCapacityHoursPerWeek', '/functionalLimitations/0']));

    const advice = await post(`/referrals/${referral.referralId}/screening/advice`, screener, validAdvice);
    expect(advice.status).toBe(201);
    await refused(() => post(`/referrals/${referral.referralId}/screening/advice`, screener, validAdvice), 409);

    const detail = await get(`/referrals/${referral.referralId}`, ipsWorker);
    expect(detail.status).toBe(200);
    expect(detail.body['screening']).toMatchObject({
      status: 'advised',
      clinicalFindingsRecorded: 1,
      advice: { adviceId: advice.body['adviceId'], advisedRoute: 'ips', workCapacityHoursPerWeek: 16, reviewDate: validAdvice.reviewDate },
    });
    expect(JSON.stringify(detail.body)).not.toContain('F33.1');
  });

  it('runs IPS: job coach first, intake sessions 1–8 once each', async () => {
    const referral = await arrivedReferral({ route: 'ips' });
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, {})).status).toBe(200);
    await refused(() => post(`/referrals/${referral.referralId}/ips/intake-sessions`, ipsWorker, { sessionNumber: 1, heldOn: '2025-01-06' }), 409);
    expect((await post(`/referrals/${referral.referralId}/ips/job-coach`, ipsWorker, { jobCoachId: 'ips-coach-17' })).status).toBe(200);

    expect((await post(`/referrals/${referral.referralId}/ips/intake-sessions`, ipsWorker, { sessionNumber: 2, heldOn: '2025-01-13' })).status).toBe(201);
    expect((await post(`/referrals/${referral.referralId}/ips/intake-sessions`, ipsWorker, { sessionNumber: 1, heldOn: '2025-01-06' })).status).toBe(201);
    const duplicate = await refused(() => post(`/referrals/${referral.referralId}/ips/intake-sessions`, ipsWorker, { sessionNumber: 2, heldOn: '2025-01-20' }), 409);
    expect(duplicate['code']).toBe('ips-intake-session-already-recorded');
    const outOfRange = await refused(() => post(`/referrals/${referral.referralId}/ips/intake-sessions`, ipsWorker, { sessionNumber: 9, heldOn: '2025-01-20' }), 400);
    expect(fieldsOf(outOfRange)).toEqual(['/sessionNumber']);
    const future = await refused(() => post(`/referrals/${referral.referralId}/ips/intake-sessions`, ipsWorker, { sessionNumber: 3, heldOn: inDays(3) }), 400);
    expect(fieldsOf(future)).toEqual(['/heldOn']);

    const detail = await get(`/referrals/${referral.referralId}`, ipsWorker);
    expect(detail.body['ips']).toEqual({
      jobCoachId: 'ips-coach-17',
      intakeSessions: [
        { sessionNumber: 1, heldOn: '2025-01-06' },
        { sessionNumber: 2, heldOn: '2025-01-13' },
      ],
    });
  });

  it('records treatment episodes: end not before start (400 naming endDate), one open at a time', async () => {
    const referral = await arrivedReferral();
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, {})).status).toBe(200);
    const started = await post(`/referrals/${referral.referralId}/treatment-episodes`, screener, { startDate: '2025-02-01' });
    expect(started.status).toBe(201);
    await refused(() => post(`/referrals/${referral.referralId}/treatment-episodes`, screener, { startDate: '2025-02-02' }), 409);
    const early = await refused(() => post(`/referrals/${referral.referralId}/treatment-episodes/current/end`, screener, { endDate: '2025-01-31', endReason: 'completed' }), 400);
    expect(fieldsOf(early)).toEqual(['/endDate']);
    const ended = await post(`/referrals/${referral.referralId}/treatment-episodes/current/end`, screener, { endDate: '2025-02-01', endReason: 'completed' });
    expect(ended.status).toBe(200);
    expect(ended.body['episodeId']).toBe(started.body['episodeId']);
    const detail = await get(`/referrals/${referral.referralId}`, screener);
    expect(detail.body['treatmentEpisodes']).toEqual([{ episodeId: started.body['episodeId'], startDate: '2025-02-01', endDate: '2025-02-01', endReason: 'completed' }]);
  });

  it('discharges the client once treatment has ended: 409 while an episode is open, 400 naming dischargedOn, once per Idempotency-Key, then 409', async () => {
    const referral = await arrivedReferral();
    const discharge = (body: Record<string, unknown>, headers?: Record<string, string>) => post(`/referrals/${referral.referralId}/discharge`, screener, body, headers);
    await refused(() => discharge({ dischargedOn: '2025-03-01', reasonCode: 'care-completed' }), 409); // not accepted
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, {})).status).toBe(200);
    expect((await post(`/referrals/${referral.referralId}/treatment-episodes`, screener, { startDate: '2025-02-01' })).status).toBe(201);
    await refused(() => discharge({ dischargedOn: '2025-03-01', reasonCode: 'care-completed' }), 409); // episode open
    expect((await post(`/referrals/${referral.referralId}/treatment-episodes/current/end`, screener, { endDate: '2025-02-20', endReason: 'completed' })).status).toBe(200);
    expect(fieldsOf(await refused(() => discharge({ dischargedOn: '2025-02-19', reasonCode: 'care-completed' }), 400))).toEqual(['/dischargedOn']);
    expect(fieldsOf(await refused(() => discharge({ dischargedOn: inDays(1), reasonCode: 'care-completed' }), 400))).toEqual(['/dischargedOn']);
    expect(fieldsOf(await refused(() => discharge({ dischargedOn: '2025-03-01', reasonCode: 'cured' }), 400))).toEqual(['/reasonCode']);
    await refused(() => post(`/referrals/${referral.referralId}/discharge`, otherScreener, { dischargedOn: '2025-03-01', reasonCode: 'care-completed' }), 404);

    const key = { 'idempotency-key': randomUUID() };
    const discharged = await discharge({ dischargedOn: '2025-03-01', reasonCode: 'care-completed' }, key);
    expect(discharged).toMatchObject({ status: 200, body: { referralId: referral.referralId, dischargedOn: '2025-03-01', version: 5 } });
    const before = await storedEventCount(db);
    expect(await discharge({ dischargedOn: '2025-03-01', reasonCode: 'care-completed' }, key)).toMatchObject({ status: 200, body: discharged.body });
    expect(await storedEventCount(db)).toBe(before);
    await refused(() => discharge({ dischargedOn: '2025-03-02', reasonCode: 'care-completed' }), 409); // already discharged
    await refused(() => post(`/referrals/${referral.referralId}/treatment-episodes`, screener, { startDate: '2025-03-05' }), 409); // care resumes only on a new referral
    const detail = await get(`/referrals/${referral.referralId}`, screener);
    expect(detail.body['discharge']).toEqual({ dischargedOn: '2025-03-01', reasonCode: 'care-completed' });
  });

  it('requests funding, takes the insurer’s grant from Kafka, claims against it and shows the settlement on the referral', async () => {
    const referral = await arrivedReferral({ route: 'ips' });
    const request = { insurerId: 'achmea', instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-09-30' };
    await refused(() => post(`/referrals/${referral.referralId}/funding-requests`, screener, request), 409); // not accepted
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, {})).status).toBe(200);
    const backwards = await refused(() => post(`/referrals/${referral.referralId}/funding-requests`, screener, { ...request, periodTo: '2025-03-31' }), 400);
    expect(fieldsOf(backwards)).toEqual(['/periodTo']);
    // The request travels on the insurer's own topic: an id that cannot name one is refused, nothing stored.
    const unaddressable = await refused(() => post(`/referrals/${referral.referralId}/funding-requests`, screener, { ...request, insurerId: 'Zilveren Kruis' }), 400);
    expect(fieldsOf(unaddressable)).toEqual(['/insurerId']);
    await refused(() => post(`/referrals/${referral.referralId}/funding-requests`, otherScreener, request), 404);
    await refused(() => post(`/referrals/${referral.referralId}/funding-requests`, employer, request), 403);

    const requested = await post(`/referrals/${referral.referralId}/funding-requests`, ipsWorker, request);
    expect(requested.status).toBe(201);
    const fundingRequestId = requested.body['fundingRequestId'] as string;
    expect((await get(`/funding-requests/${fundingRequestId}`, screener)).body).toMatchObject({ status: 'requested', instrument: 'ips-intake', units: 8, amountCents: 73_600 });
    expect((await get(`/funding-requests/${fundingRequestId}`, otherScreener)).status).toBe(404);

    const claim = { instrument: 'ips-intake', units: 4, amountCents: 36_800, periodFrom: '2025-04-01', periodTo: '2025-04-30' };
    const early = await refused(() => post(`/funding-requests/${fundingRequestId}/claims`, ipsWorker, claim), 409);
    expect(early['code']).toBe('funding-not-granted');

    await grantFunding(kit.producer, ns, {
      caseId: referral.caseId,
      clientKey: referral.clientKey,
      occurredAt: new Date().toISOString(),
      fundingRequestId,
      insurerId: 'achmea',
      instrument: 'ips-intake',
      grantedUnits: 8,
      grantedAmountCents: 73_600,
      unitPriceCents: 9_200,
      tariffVersion: '2015',
      periodFrom: '2025-04-01',
      periodTo: '2025-09-30',
    });
    await eventually(async () => {
      const f = await get(`/funding-requests/${fundingRequestId}`, screener);
      return f.body['status'] === 'granted' ? f : undefined;
    }, 'the grant to arrive');

    const mismatch = await refused(() => post(`/funding-requests/${fundingRequestId}/claims`, ipsWorker, { ...claim, instrument: 'job-coaching' }), 400);
    expect(fieldsOf(mismatch)).toEqual(['/instrument']);
    const submitted = await post(`/funding-requests/${fundingRequestId}/claims`, ipsWorker, claim);
    expect(submitted.status).toBe(201);
    const claimId = submitted.body['claimId'] as string;

    await settleClaim(kit.producer, ns, {
      caseId: referral.caseId,
      clientKey: referral.clientKey,
      occurredAt: new Date().toISOString(),
      claimId,
      fundingRequestId,
      insurerId: 'achmea',
      instrument: 'ips-intake',
      units: 4,
      amountCents: 36_800,
      settledOn: '2025-05-02',
      remainingUnits: 4,
      remainingAmountCents: 36_800,
    });
    const detail = await eventually(async () => {
      const r = await get(`/referrals/${referral.referralId}`, screener);
      const funding = r.body['funding'] as { claims: { status: string }[] }[];
      return funding[0]?.claims[0]?.status === 'settled' ? r : undefined;
    }, 'the settlement to arrive');
    expect(detail.body['funding']).toMatchObject([
      {
        fundingRequestId,
        status: 'granted',
        grant: { units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-09-30' },
        claims: [{ claimId, status: 'settled', units: 4, settlement: { amountCents: 36_800, settledOn: '2025-05-02' } }],
      },
    ]);
  });

  it('requests job coaching only with the job it is for, naming every bad job field, and shows the insurer’s refusal by the rule', async () => {
    const referral = await arrivedReferral({ route: 'ips' });
    expect((await post(`/referrals/${referral.referralId}/accept`, screener, {})).status).toBe(200);
    const job = { hoursPerWeek: 11, contractMonths: 12, startDate: '2025-03-17' };
    const request = { insurerId: 'achmea', instrument: 'job-coaching', units: 40, amountCents: 368_000, periodFrom: '2025-04-01', periodTo: '2025-09-30', job };
    const funding = `/referrals/${referral.referralId}/funding-requests`;

    const { job: _none, ...withoutJob } = request;
    const missing = await refused(() => post(funding, ipsWorker, withoutJob), 400);
    expect(missing).toMatchObject({ code: 'job-required', errors: [{ field: '/job', reason: expect.stringContaining('contract hours per week') as unknown }] });
    const notAsked = await refused(() => post(funding, ipsWorker, { ...request, instrument: 'ips-intake', units: 8, amountCents: 73_600 }), 400);
    expect(notAsked).toMatchObject({ code: 'job-not-asked', errors: [{ field: '/job' }] });
    const malformed = await refused(() => post(funding, ipsWorker, { ...request, job: { hoursPerWeek: 'twenty', contractMonths: 0, startDate: '17-03-2025', employer: 'Bakkerij' } }), 400);
    expect(fieldsOf(malformed)).toEqual(expect.arrayContaining(['/job/hoursPerWeek', '/job/contractMonths', '/job/startDate', '/job/employer']));
    for (const issue of malformed['errors'] as { reason: string }[]) expect(issue.reason.length).toBeGreaterThan(3);
    expect(fieldsOf(await refused(() => post(funding, ipsWorker, { ...request, job: { ...job, hoursPerWeek: 24.3 } }), 400))).toEqual(['/job/hoursPerWeek']);
    expect(fieldsOf(await refused(() => post(funding, ipsWorker, { ...request, job: { ...job, startDate: '2025-10-01' } }), 400))).toEqual(['/job/startDate']);

    // Whether 11 hours a week qualifies is the insurer's to answer: the request goes out with the job.
    const requested = await post(funding, ipsWorker, request);
    expect(requested.status).toBe(201);
    const fundingRequestId = requested.body['fundingRequestId'] as string;
    expect((await get(`/funding-requests/${fundingRequestId}`, ipsWorker)).body).toMatchObject({ status: 'requested', instrument: 'job-coaching', units: 40, job });

    const reason = 'Job coaching is funded for a contract of at least 12 hours a week; this contract has 11. (report 002 (Monitor Voorbeeldprojecten, 2016) §5.1.4)';
    await refuseFunding(kit.producer, ns, {
      caseId: referral.caseId,
      clientKey: referral.clientKey,
      occurredAt: new Date().toISOString(),
      fundingRequestId,
      insurerId: 'achmea',
      instrument: 'job-coaching',
      reasonCode: 'contract-hours-too-low',
      reason,
    });
    const answered = await eventually(async () => {
      const f = await get(`/funding-requests/${fundingRequestId}`, ipsWorker);
      return f.body['status'] === 'refused' ? f : undefined;
    }, 'the refusal to arrive');
    expect(answered.body).toMatchObject({ refusal: { reasonCode: 'contract-hours-too-low', reason } });
  });

  it('serves an OpenAPI 3.1 document that passes Redocly’s recommended rules without an error', async () => {
    const document = (await (await fetch(`${kit.baseUrl}/docs/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiLintErrors(document)).toEqual([]);
  });

  it('describes every route in OpenAPI', async () => {
    const doc = await get('/docs/openapi.json');
    expect(doc.status).toBe(200);
    const paths = doc.body['paths'] as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/referrals',
        '/referrals/{referralId}',
        '/referrals/{referralId}/accept',
        '/referrals/{referralId}/decline',
        '/referrals/{referralId}/screening/start',
        '/referrals/{referralId}/screening/clinical-findings',
        '/referrals/{referralId}/screening/advice',
        '/referrals/{referralId}/ips/job-coach',
        '/referrals/{referralId}/ips/intake-sessions',
        '/referrals/{referralId}/treatment-episodes',
        '/referrals/{referralId}/treatment-episodes/current/end',
        '/referrals/{referralId}/discharge',
        '/referrals/{referralId}/funding-requests',
        '/funding-requests/{fundingRequestId}',
        '/funding-requests/{fundingRequestId}/claims',
      ]),
    );
    expect(Object.keys(paths['/referrals/{referralId}/screening/advice']?.['post']?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
  });
});
