// The employer network's HTTP API against real PostgreSQL and Kafka: employers and
// vacancies, referrals arriving over Kafka, matching, and the placement path through
// job loss to a second job. Every refusal is checked to append nothing.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientReferredForMatchingV1, clientReferredV1, municipalityToEmployerNetworkTopic, organisationTopicOf, type ClientReferredV1 } from '@wcc/contracts';
import { readTopicsToEnd, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { openApiLintErrors, publishAsPartner } from '@wcc/service-testing';
import { accountManager, call, clientManager, connectedProducer, MUNICIPALITY_SOURCE, referCase, referral, startEmployerNetworkApp, tokenFor } from '../testing/employer-network-test-kit';

const db = useTestDatabase();
const ns = testNamespace();

let app: INestApplication;
let baseUrl: string;
let producer: Producer;
let am: string;
let otherAm: string;
let municipality: string;

/** `null` sends no token; left out, the account manager's. */
const get = <T = Record<string, unknown>>(path: string, token: string | null = am) => call<T>(baseUrl, 'GET', path, token ?? undefined);
const post = <T = Record<string, unknown>>(path: string, body: unknown, token: string | null = am, headers: Record<string, string> = {}) =>
  call<T>(baseUrl, 'POST', path, token ?? undefined, body, headers);

async function eventCount(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from event_store.events');
  return rows[0]!.n;
}

/** Runs a request that must be refused and proves that it appended nothing. */
async function refused(request: () => Promise<{ status: number; contentType: string | null; body: Record<string, unknown> }>) {
  const before = await eventCount();
  const answer = await request();
  expect(answer.contentType).toContain('application/problem+json');
  expect(await eventCount()).toBe(before);
  return answer;
}

const employerBody = {
  name: 'Bakkerij De Korenschoof',
  sector: 'food retail',
  size: 'small',
  contact: { person: 'Mevr. J. de Wit', email: 'hr@korenschoof.example', phone: '+31 10 123 4567' },
};

async function registerEmployer(token = am) {
  const registered = await post<{ employerId: string }>('/employers', employerBody, token);
  expect(registered.status).toBe(201);
  const vacancy = await post<{ vacancyId: string }>(`/employers/${registered.body.employerId}/vacancies`, { role: 'Baker assistant', hoursPerWeek: 24, taskDemands: ['early shifts'] }, token);
  expect(vacancy.status).toBe(201);
  return { employerId: registered.body.employerId, vacancyId: vacancy.body.vacancyId };
}

const placementBody = (employerId: string, over: Record<string, unknown> = {}) => ({
  employerId,
  role: 'Baker assistant',
  contractType: 'temporary-6m',
  hoursPerWeek: 24,
  grossHourlyWageCents: 1416,
  wageValuePercent: 70,
  wageSubsidy: true,
  jobCoach: true,
  startDate: '2025-03-01',
  ...over,
});

async function acceptedCase(): Promise<string> {
  const caseId = randomUUID();
  await referCase(baseUrl, am, producer, ns, referral(caseId));
  expect((await post(`/matchings/${caseId}/accept`, {})).status).toBe(200);
  return caseId;
}

beforeAll(async () => {
  ({ app, baseUrl } = await startEmployerNetworkApp(db, ns));
  producer = await connectedProducer();
  am = await tokenFor(accountManager());
  otherAm = await tokenFor(accountManager('werkgeversservicepunt-noord'));
  municipality = await tokenFor(clientManager);
});

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
});

describe('authentication and roles', () => {
  it('answers 401 without a token and with a forged one', async () => {
    expect((await get('/matchings', null)).status).toBe(401);
    const forged = await call(baseUrl, 'GET', '/employers', 'not.a.token');
    expect(forged.status).toBe(401);
    expect(forged.contentType).toContain('application/problem+json');
  });

  it('answers 403 to other organisation types and to other roles', async () => {
    expect((await refused(() => post('/employers', employerBody, municipality))).status).toBe(403);
    expect((await get('/matchings', municipality)).status).toBe(403);
    const auditor = await tokenFor({ userId: 'au-1', organisationId: 'wsp-rijnmond', organisationType: 'employer-network', roles: ['auditor'] });
    expect((await get('/employers', auditor)).status).toBe(403);
  });

  it('serves an OpenAPI 3.1 document that passes Redocly’s recommended rules without an error', async () => {
    const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiLintErrors(document)).toEqual([]);
  });

  it('serves health and the OpenAPI document without a token, describing every route', async () => {
    expect((await get('/health', null)).status).toBe(200);
    const doc = await get<{ paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>> }>('/docs/openapi.json', null);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/employers',
        '/employers/{employerId}',
        '/employers/{employerId}/vacancies',
        '/employers/{employerId}/vacancies/{vacancyId}/close',
        '/employers/{employerId}/contacts',
        '/vacancies',
        '/matchings',
        '/matchings/{caseId}/accept',
        '/matchings/{caseId}/decline',
        '/matchings/{caseId}/proposals',
        '/matchings/{caseId}/close',
        '/matchings/{caseId}/placements',
        '/matchings/{caseId}/placements/{placementId}/reviews',
        '/matchings/{caseId}/placements/{placementId}/end',
      ]),
    );
    const start = doc.body.paths['/matchings/{caseId}/placements']?.['post'];
    expect(start?.summary).toBeTruthy();
    expect(Object.keys(start?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
  });
});

describe('employers and vacancies', () => {
  it('registers an employer, opens and closes a vacancy, logs a contact, and lists them for its own organisation only', async () => {
    const { employerId, vacancyId } = await registerEmployer();
    const caseId = randomUUID();
    const contact = await post(`/employers/${employerId}/contacts`, { kind: 'visit', contactedOn: '2025-05-20', withClient: true, caseId, summary: 'Workplace visit with the client.' });
    expect(contact.status).toBe(201);

    const employers = await get<Record<string, unknown>[]>('/employers');
    expect(employers.body).toEqual(expect.arrayContaining([expect.objectContaining({ employerId, name: 'Bakkerij De Korenschoof', size: 'small', openVacancies: 1, lastContactOn: '2025-05-20' })]));
    expect((await get<unknown[]>('/employers', otherAm)).body).toEqual([]);

    const detail = await get<{ vacancies: unknown[]; contacts: unknown[] }>(`/employers/${employerId}`);
    expect(detail.body.vacancies).toEqual([expect.objectContaining({ vacancyId, role: 'Baker assistant', hoursPerWeek: 24, status: 'open', taskDemands: ['early shifts'] })]);
    expect(detail.body.contacts).toEqual([expect.objectContaining({ kind: 'visit', withClient: true, caseId, contactedOn: '2025-05-20' })]);

    expect((await post(`/employers/${employerId}/vacancies/${vacancyId}/close`, { reason: 'filled' })).status).toBe(200);
    expect((await get<Record<string, unknown>[]>('/vacancies?status=closed')).body).toEqual(expect.arrayContaining([expect.objectContaining({ vacancyId, closeReason: 'filled' })]));
    const again = await refused(() => post(`/employers/${employerId}/vacancies/${vacancyId}/close`, { reason: 'filled' }));
    expect(again.status).toBe(409);
    expect(again.body['code']).toBe('vacancy-already-closed');
  });

  it('answers 400 naming every bad field: unknown, wrong type, bad enum, bad format', async () => {
    const answer = await refused(() => post('/employers', { ...employerBody, size: 'huge', name: 42, bsn: '123456782', contact: { person: 'X', email: 'not-an-email' } }));
    expect(answer.status).toBe(400);
    const fields = (answer.body['errors'] as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/size', '/name', '/bsn', '/contact/email']));
    const badDate = await refused(() => post(`/employers/${randomUUID()}/contacts`, { kind: 'call', contactedOn: '31-12-2025', withClient: false }));
    expect(badDate.status).toBe(400);
    expect(badDate.body['errors']).toEqual([expect.objectContaining({ field: '/contactedOn' })]);
    expect((await get('/vacancies?status=maybe')).status).toBe(400);
    expect((await get('/employers/not-a-uuid')).body['errors']).toEqual([expect.objectContaining({ field: 'employerId' })]);
  });

  it('answers 404 for an unknown employer and 403 for another organisation’s employer', async () => {
    expect((await refused(() => post(`/employers/${randomUUID()}/vacancies`, { role: 'Driver', hoursPerWeek: 20, taskDemands: [] }))).status).toBe(404);
    expect((await get(`/employers/${randomUUID()}`)).status).toBe(404);
    const { employerId } = await registerEmployer();
    expect((await get(`/employers/${employerId}`, otherAm)).status).toBe(403);
    expect((await refused(() => post(`/employers/${employerId}/vacancies`, { role: 'Driver', hoursPerWeek: 20, taskDemands: [] }, otherAm))).status).toBe(403);
  });
});

describe('referrals for matching, from the municipality over Kafka', () => {
  it('lists a referral for matching without a route, and never receives one for a care provider', async () => {
    // Published as the municipality's relay would: on its chain topic and the care provider's audience topic.
    const forCare = randomUUID();
    const careReferral: ClientReferredV1 = {
      caseId: forCare,
      clientKey: `ck_${forCare.replace(/-/g, '').slice(0, 20)}`,
      occurredAt: new Date().toISOString(),
      referralId: randomUUID(),
      fromOrganisationId: 'gemeente-rotterdam',
      toOrganisationId: 'ggz-delfland',
      toOrganisationType: 'care-provider',
      route: 'ggz-screening',
      reason: 'Screening advice requested.',
      replyDeadline: '2099-12-31',
    };
    const ignoredId = await publishAsPartner(producer, ns, clientReferredV1, careReferral, MUNICIPALITY_SOURCE);
    // A referral for matching to another employer network travels on that network's own topic.
    const forOther = referral(randomUUID(), { toOrganisationId: 'wsp-elders' });
    const otherId = await publishAsPartner(producer, ns, clientReferredForMatchingV1, forOther, MUNICIPALITY_SOURCE);
    const caseId = randomUUID();
    const row = await referCase(baseUrl, am, producer, ns, referral(caseId, { replyDeadline: '2020-01-31' }));
    expect(row).toMatchObject({ status: 'referred', overdue: true, fromOrganisationId: 'gemeente-rotterdam', replyDeadline: '2020-01-31' });
    expect(row).not.toHaveProperty('route');

    // The only topic the service reads for wsp-rijnmond holds its referrals for matching and nothing of the care referral, nor another network's referral.
    const audience = await readTopicsToEnd(testKafka('employer-network-audience-reader'), [ns.topic(organisationTopicOf(municipalityToEmployerNetworkTopic, 'wsp-rijnmond'))], { timeoutMs: 30_000 });
    expect(audience.unfinished).toEqual([]);
    expect(audience.messages.length).toBeGreaterThan(0);
    expect(audience.messages.map((m) => m.headers['ce_id'])).not.toContain(ignoredId);
    expect(audience.messages.map((m) => m.headers['ce_id'])).not.toContain(otherId);
    const theirs = await readTopicsToEnd(testKafka('employer-network-audience-reader'), [ns.topic(organisationTopicOf(municipalityToEmployerNetworkTopic, 'wsp-elders'))], { timeoutMs: 30_000 });
    expect(theirs.messages.map((m) => m.headers['ce_id'])).toEqual([otherId]);
    expect((await db.pool.query('select 1 from inbox where message_id = $1', [otherId])).rows).toEqual([]);
    expect((await db.pool.query('select 1 from event_store.events where stream_id = $1', [`matching-${forOther.caseId}`])).rows).toEqual([]);
    expect(new Set(audience.messages.map((m) => m.headers['ce_type']))).toEqual(new Set([clientReferredForMatchingV1.type]));
    const { rows } = await db.pool.query<{ n: number }>(
      `select (select count(*)::int from inbox where message_id = $2) + (select count(*)::int from event_store.events where stream_id = $1 or data::text like '%ggz-screening%') as n`,
      [`matching-${forCare}`, ignoredId],
    );
    expect(rows[0]!.n).toBe(0);
    expect((await get<unknown[]>('/matchings', otherAm)).body).toEqual([]);
  });

  it('accepts once (409 the second time), and declines with a reason', async () => {
    const caseId = randomUUID();
    await referCase(baseUrl, am, producer, ns, referral(caseId));
    expect((await refused(() => post(`/matchings/${caseId}/accept`, {}, otherAm))).status).toBe(403);
    expect((await post(`/matchings/${caseId}/accept`, { plannedStart: '2025-06-05' })).status).toBe(200);
    const twice = await refused(() => post(`/matchings/${caseId}/decline`, { reasonCode: 'no-capacity', reason: 'Full.' }));
    expect(twice.status).toBe(409);
    expect(twice.body['code']).toBe('referral-already-answered');

    const other = randomUUID();
    await referCase(baseUrl, am, producer, ns, referral(other));
    expect((await refused(() => post(`/matchings/${other}/decline`, { reasonCode: 'no-capacity' }))).body['errors']).toEqual([expect.objectContaining({ field: '/reason' })]);
    expect((await post(`/matchings/${other}/decline`, { reasonCode: 'no-suitable-vacancies', reason: 'No vacancies in food within reach.' })).status).toBe(200);
    expect((await get<Record<string, unknown>[]>('/matchings?status=declined')).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: other, declineReasonCode: 'no-suitable-vacancies' })]),
    );
  });

  it('answers 404 for a case never referred', async () => {
    expect((await refused(() => post(`/matchings/${randomUUID()}/accept`, {}))).status).toBe(404);
    expect((await get(`/matchings/${randomUUID()}/placements`)).status).toBe(404);
    expect((await post('/matchings/not-a-uuid/accept', {})).body['errors']).toEqual([expect.objectContaining({ field: 'caseId' })]);
  });
});

describe('placements', () => {
  it('proposes the client for a vacancy', async () => {
    const caseId = await acceptedCase();
    const { employerId, vacancyId } = await registerEmployer();
    expect((await post(`/matchings/${caseId}/proposals`, { employerId, vacancyId })).status).toBe(201);
    expect((await get<Record<string, unknown>[]>('/matchings?status=candidate-proposed')).body).toEqual(expect.arrayContaining([expect.objectContaining({ caseId })]));
    expect((await refused(() => post(`/matchings/${caseId}/proposals`, { employerId, vacancyId: randomUUID() }))).status).toBe(404);
  });

  it('goes from the first job through job loss and reopened matching to a second job with sequence 2', async () => {
    const caseId = await acceptedCase();
    const { employerId, vacancyId } = await registerEmployer();

    const first = await post<{ placementId: string; sequence: number }>(`/matchings/${caseId}/placements`, placementBody(employerId, { vacancyId }));
    expect(first.status).toBe(201);
    expect(first.body.sequence).toBe(1);
    const placementsPath = `/matchings/${caseId}/placements`;
    const firstPath = `${placementsPath}/${first.body.placementId}`;

    const second = await refused(() => post(placementsPath, placementBody(employerId, { startDate: '2025-04-01' })));
    expect(second.status).toBe(409);
    expect(second.body['code']).toBe('placement-already-active');

    const review = { reviewMonth: 1, reviewedOn: '2025-04-01', stillWorking: true, hoursPerWeek: 24, issues: ['more-guidance-needed'], note: 'Early shifts are hard.' };
    expect((await post(`${firstPath}/reviews`, review)).status).toBe(201);
    expect((await refused(() => post(`${firstPath}/reviews`, { ...review, reviewedOn: '2025-04-02' }))).status).toBe(409);
    expect((await refused(() => post(`${firstPath}/reviews`, { ...review, reviewMonth: 2 }))).body['errors']).toEqual([expect.objectContaining({ field: '/reviewMonth' })]);

    const early = await refused(() => post(`${firstPath}/end`, { endDate: '2025-02-01', reason: 'dismissed' }));
    expect(early.status).toBe(400);
    expect(early.body['errors']).toEqual([expect.objectContaining({ field: '/endDate' })]);
    const noText = await refused(() => post(`${firstPath}/end`, { endDate: '2025-04-30', reason: 'other' }));
    expect(noText.body['errors']).toEqual([expect.objectContaining({ field: '/reasonText' })]);

    expect((await post(`${firstPath}/end`, { endDate: '2025-04-30', reason: 'health' })).status).toBe(200);
    expect((await refused(() => post(`${firstPath}/end`, { endDate: '2025-05-01', reason: 'resigned' }))).status).toBe(409);
    expect((await get<Record<string, unknown>[]>('/matchings')).body.find((m) => m['caseId'] === caseId)).toMatchObject({ status: 'reopened', placements: 1, activePlacementId: null });

    const callerSequence = await refused(() => post(placementsPath, { ...placementBody(employerId), sequence: 1 }));
    expect(callerSequence.body['errors']).toEqual([expect.objectContaining({ field: '/sequence', reason: 'unknown field' })]);

    const next = await post<{ placementId: string; sequence: number }>(placementsPath, placementBody(employerId, { startDate: '2025-05-12', contractType: 'temporary-12m' }));
    expect(next.status).toBe(201);
    expect(next.body.sequence).toBe(2);

    const listed = await get<{ status: string; placements: { sequence: number; status: string; end: { reason: string } | null; reviews: unknown[] }[] }>(placementsPath);
    expect(listed.body.status).toBe('placed');
    expect(listed.body.placements.map((p) => [p.sequence, p.status])).toEqual([
      [1, 'ended'],
      [2, 'active'],
    ]);
    expect(listed.body.placements[0]?.end?.reason).toBe('health');
    expect(listed.body.placements[0]?.reviews).toEqual([{ reviewMonth: 1, reviewedOn: '2025-04-01', stillWorking: true, hoursPerWeek: 24, issues: ['more-guidance-needed'] }]);
    expect((await get(placementsPath, otherAm)).status).toBe(403);
  });

  it('refuses placements before the referral is accepted, with an unknown employer, and review of an unknown placement', async () => {
    const caseId = randomUUID();
    await referCase(baseUrl, am, producer, ns, referral(caseId));
    const { employerId } = await registerEmployer();
    expect((await refused(() => post(`/matchings/${caseId}/placements`, placementBody(employerId)))).body['code']).toBe('referral-not-accepted');
    await post(`/matchings/${caseId}/accept`, {});
    expect((await refused(() => post(`/matchings/${caseId}/placements`, placementBody(randomUUID())))).status).toBe(404);
    const theirs = await registerEmployer(otherAm);
    expect((await refused(() => post(`/matchings/${caseId}/placements`, placementBody(theirs.employerId)))).status).toBe(403);
    const bad = await refused(() => post(`/matchings/${caseId}/placements`, placementBody(employerId, { contractType: 'forever', hoursPerWeek: 'many', grossHourlyWageCents: 14.16 })));
    expect((bad.body['errors'] as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['/contractType', '/hoursPerWeek', '/grossHourlyWageCents']));
    const review = { reviewMonth: 1, reviewedOn: '2025-04-01', stillWorking: true, hoursPerWeek: 24 };
    expect((await refused(() => post(`/matchings/${caseId}/placements/${randomUUID()}/reviews`, review))).status).toBe(404);
  });

  it('gives a retried request with the same Idempotency-Key the first answer, appending once', async () => {
    const caseId = await acceptedCase();
    const { employerId } = await registerEmployer();
    const key = { 'idempotency-key': randomUUID() };
    const first = await post<{ placementId: string; sequence: number }>(`/matchings/${caseId}/placements`, placementBody(employerId), am, key);
    const before = await eventCount();
    const retry = await post<{ placementId: string; sequence: number }>(`/matchings/${caseId}/placements`, placementBody(employerId), am, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await eventCount()).toBe(before);
  });

  it('closes a durably placed case, and refuses to close otherwise while the client works', async () => {
    const caseId = await acceptedCase();
    const { employerId } = await registerEmployer();
    await post(`/matchings/${caseId}/placements`, placementBody(employerId));
    expect((await refused(() => post(`/matchings/${caseId}/close`, { reasonCode: 'no-prospect' }))).status).toBe(409);
    expect((await post(`/matchings/${caseId}/close`, { reasonCode: 'durably-placed' })).status).toBe(200);
    expect((await get<{ status: string }>(`/matchings/${caseId}/placements`)).body.status).toBe('closed');
  });
});
