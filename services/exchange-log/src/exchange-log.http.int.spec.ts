// The HTTP edge of the exchange log against the running app: who may read what, every
// refusal as problem+json naming the field, nothing appended on a refusal, the
// auditors' filters, the JSON-lines export and the OpenAPI document.
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOpenedV1, clientReferredV1, screeningAdviceSubmittedV1 } from '@wcc/contracts';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import { openApiLintErrors } from '@wcc/service-testing';
import { type DisclosureRecord, processingActivityIds, fixture, story } from '@wcc/exchange-log-domain';
import { auditorToken, connectedProducer, privacyOfficerToken, publish, recordCount, startExchangeLogApp, tokenFor, untilRecords } from './testing/exchange-log-test-kit';

const db = useTestDatabase();
const ns = testNamespace();
let app: NestExpressApplication;
let baseUrl: string;

const CLIENT_B = 'ck_SecondRotterdamCl';
const CLIENT_C = 'ck_DelftClient000003';

beforeAll(async () => {
  ({ app, baseUrl } = await startExchangeLogApp(db, ns));
  const producer = await connectedProducer();
  const delft = `urn:nld:oin:${story.otherMunicipality}:systeem:municipality`;
  // One at a time, as in the chain: the answer follows the referral, and cases on other
  // partitions would otherwise be recorded in any order.
  for (const [event, records] of [
    [fixture(caseOpenedV1, { municipalityId: story.municipality }, { trace: 1 }), 1],
    [
      fixture(clientReferredV1, { referralId: story.careReferralId, fromOrganisationId: story.municipality, toOrganisationId: story.careProvider, toOrganisationType: 'care-provider' }, { trace: 2 }),
      3,
    ],
    [fixture(screeningAdviceSubmittedV1, { referralId: story.careReferralId, organisationId: story.careProvider }, { trace: 3 }), 5],
    [fixture(caseOpenedV1, { caseId: randomUUID(), clientKey: CLIENT_B, municipalityId: story.municipality }, { trace: 4 }), 6],
    [fixture(caseOpenedV1, { caseId: story.otherCaseId, clientKey: CLIENT_C, municipalityId: story.otherMunicipality }, { trace: 5, source: delft }), 7],
  ] as const) {
    await publish(producer, ns, event);
    await untilRecords(db, records);
  }
  await producer.disconnect();
});

afterAll(async () => {
  await app?.close();
});

async function call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const fieldsOf = (problem: Record<string, unknown>) => (problem['errors'] as { field: string }[]).map((e) => e.field).sort();
const rotterdamClientManager = () => tokenFor(story.municipality, 'municipality', ['client-manager'], 'km-1');

describe('the register of processing activities', () => {
  it('is readable by any authenticated user, with Dutch and English names and the legal basis', async () => {
    const response = await call('GET', '/processing-activities', await tokenFor(story.employerNetwork, 'employer-network', ['account-manager']));
    expect(response.status).toBe(200);
    const { activities } = response.json() as { activities: { id: string; uri: string; name: { nl: string; en: string }; legalBasis: { avg: string[] } }[] };
    expect(activities.map((a) => a.id)).toEqual([...processingActivityIds]);
    expect(activities[0]).toMatchObject({ uri: 'urn:nld:workcarechain:verwerkingsactiviteit:client-referral', legalBasis: { avg: expect.arrayContaining(['AVG art. 6(1)(e)']) as unknown } });

    const one = await call('GET', '/processing-activities/screening-advice', await auditorToken());
    expect(one.json()).toMatchObject({ id: 'screening-advice', consentPurpose: 'care' });
  });

  it('answers 401 without a valid token and 404 for an activity it does not hold', async () => {
    expect((await call('GET', '/processing-activities')).status).toBe(401);
    expect((await call('GET', '/processing-activities', 'not-a-token')).status).toBe(401);
    const missing = await call('GET', '/processing-activities/marketing', await auditorToken());
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });
});

describe("the auditors' queries", () => {
  it('are only for auditors and privacy officers of the chain', async () => {
    expect((await call('GET', '/disclosures')).status).toBe(401);
    expect((await call('GET', '/disclosures', await rotterdamClientManager())).status).toBe(403);
    expect((await call('GET', '/disclosures', await tokenFor('keten-rijnmond', 'chain', ['regisseur']))).status).toBe(403);
    expect((await call('GET', '/verification', await tokenFor(story.careProvider, 'care-provider', ['screener']))).status).toBe(403);
    expect((await call('GET', '/disclosures', await privacyOfficerToken())).status).toBe(200);
  });

  it('find records by data subject, organisation, processing activity and period', async () => {
    const token = await auditorToken();
    const bySubject = (await call('GET', `/disclosures?dataSubject=${story.clientKey}`, token)).json()['records'] as DisclosureRecord[];
    expect(bySubject.map((r) => r.name)).toEqual(['deliver CaseOpened', 'deliver ClientReferred', 'deliver ClientReferred', 'deliver ScreeningAdviceSubmitted', 'deliver ScreeningAdviceSubmitted']);

    const byOrganisation = (await call('GET', `/disclosures?organisationId=${story.careProvider}`, token)).json()['records'] as DisclosureRecord[];
    expect(byOrganisation.map((r) => `${r.sender_organisation_id}->${r.recipient_organisation_id}`)).toEqual([
      `${story.municipality}->${story.careProvider}`,
      `${story.careProvider}->${story.municipality}`,
      `${story.careProvider}->wcc-case-view`,
    ]);

    const byActivity = (await call('GET', '/disclosures?processingActivity=client-referral', token)).json()['records'] as DisclosureRecord[];
    expect(byActivity).toHaveLength(1);
    expect(byActivity[0]!.attributes['dpl.core.processing_activity_id']).toBe('urn:nld:workcarechain:verwerkingsactiviteit:client-referral');

    const inPeriod = (await call('GET', '/disclosures?from=2025-03-10&to=2025-03-14', token)).json()['records'] as DisclosureRecord[];
    expect(inPeriod.map((r) => r.name)).toEqual(['deliver ScreeningAdviceSubmitted', 'deliver ScreeningAdviceSubmitted']);
    expect((await call('GET', '/disclosures?from=2025-03-10&to=2025-03-14T15:00:00Z', token)).json()['records']).toEqual([]);
  });

  it('page through the chain with limit and next', async () => {
    const token = await auditorToken();
    const first = (await call('GET', '/disclosures?limit=4', token)).json() as { records: DisclosureRecord[]; next: number };
    expect(first.records.map((r) => r.position)).toEqual([1, 2, 3, 4]);
    expect(first.next).toBe(4);
    const second = (await call('GET', `/disclosures?limit=4&after=${first.next}`, token)).json() as { records: DisclosureRecord[]; next: number | null };
    expect(second.records.map((r) => r.position)).toEqual([5, 6, 7]);
    expect(second.next).toBeNull();
  });

  it('export matching records as JSON lines', async () => {
    const response = await call('GET', `/disclosures/export?organisationId=${story.careProvider}`, await auditorToken());
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/x-ndjson/);
    const lines = response.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as DisclosureRecord);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ position: 2, name: 'deliver ClientReferred', status_code: 'OK', hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
  });

  it('return one record by id, 404 for an unknown id and 400 for a malformed one', async () => {
    const token = await auditorToken();
    const [record] = (await call('GET', '/disclosures?limit=1', token)).json()['records'] as DisclosureRecord[];
    expect((await call('GET', `/disclosures/${record!.id}`, token)).json()).toEqual(record);
    expect((await call('GET', `/disclosures/${randomUUID()}`, token)).status).toBe(404);
    const malformed = await call('GET', '/disclosures/not-a-uuid', token);
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.json())).toEqual(['id']);
  });

  it('refuse bad parameters with 400 naming each of them', async () => {
    const token = await auditorToken();
    const bad = await call('GET', '/disclosures?limit=0&processingActivity=marketing&dataSubject=123456789&colour=red', token);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['/colour', '/dataSubject', '/limit', '/processingActivity']);
    const order = await call('GET', '/disclosures?from=2025-04-01&to=2025-03-01', token);
    expect(order.status).toBe(400);
    expect(fieldsOf(order.json())).toEqual(['/to']);
    const garbage = await call('GET', '/disclosures/export?from=yesterday', token);
    expect(garbage.status).toBe(400);
    expect(fieldsOf(garbage.json())).toEqual(['/from']);
  });

  it('verify the chain and report its head', async () => {
    const result = (await call('GET', '/verification', await auditorToken())).json();
    expect(result).toMatchObject({ ok: true, checked: 7, head: { position: 7, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } });
  });
});

describe("a data subject's overview through the municipality", () => {
  it('refuses, appending nothing: other organisation types, other municipalities, unknown clients, bad bodies', async () => {
    const before = await recordCount(db);
    const body = { clientKey: story.clientKey };
    expect((await call('POST', '/data-subject-overviews', undefined, body)).status).toBe(401);
    expect((await call('POST', '/data-subject-overviews', await auditorToken(), body)).status).toBe(403);
    expect((await call('POST', '/data-subject-overviews', await tokenFor(story.municipality, 'municipality', ['regisseur']), body)).status).toBe(403);
    // Another municipality learns nothing: the answer of an unknown client key, word for word.
    const delft = await call('POST', '/data-subject-overviews', await tokenFor(story.otherMunicipality, 'municipality', ['client-manager']), body);
    const unknownToDelft = await call('POST', '/data-subject-overviews', await tokenFor(story.otherMunicipality, 'municipality', ['client-manager']), { clientKey: 'ck_NobodyKnowsThis01' });
    expect(delft.status).toBe(404);
    expect(delft.json()).toEqual(unknownToDelft.json());
    expect((await call('POST', '/data-subject-overviews', await rotterdamClientManager(), { clientKey: 'ck_NobodyKnowsThis01' })).status).toBe(404);
    const invalid = await call('POST', '/data-subject-overviews', await rotterdamClientManager(), { clientKey: '123456789', extra: true });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid.json())).toEqual(['/clientKey', '/extra']);
    expect(await recordCount(db)).toBe(before);
  });

  it('is given once per Idempotency-Key; the key reused for another client is a 409 and appends nothing', async () => {
    const key = randomUUID();
    const token = await rotterdamClientManager();
    const before = await recordCount(db);
    const first = await call('POST', '/data-subject-overviews', token, { clientKey: story.clientKey }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const overview = first.json() as { requestRecordId: string; entries: { organisation: { organisationId: string } }[]; organisations: { organisationId: string }[] };
    expect(overview.organisations.map((o) => o.organisationId).sort()).toEqual(['wcc-case-view', story.careProvider, story.municipality].sort());
    expect(overview.entries).toHaveLength(6);
    expect(await recordCount(db)).toBe(before + 1);

    const again = await call('POST', '/data-subject-overviews', token, { clientKey: story.clientKey }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.json()['requestRecordId']).toBe(overview.requestRecordId);
    expect(await recordCount(db)).toBe(before + 1);

    const reused = await call('POST', '/data-subject-overviews', token, { clientKey: CLIENT_B }, { 'idempotency-key': key });
    expect(reused.status).toBe(409);
    expect(reused.json()['code']).toBe('idempotency-key-reused');
    expect(await recordCount(db)).toBe(before + 1);
  });
});

describe('the OpenAPI document', () => {
  it('serves an OpenAPI 3.1 document that passes Redocly’s recommended rules without an error', async () => {
    const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiLintErrors(document)).toEqual([]);
  });

  it('describes every route', async () => {
    const document = (await call('GET', '/docs/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(document.paths).sort()).toEqual(
      ['/data-subject-overviews', '/disclosures', '/disclosures/export', '/disclosures/{id}', '/health', '/processing-activities', '/processing-activities/{id}', '/verification'].sort(),
    );
    expect(Object.keys(document.paths['/data-subject-overviews']!['post']!.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(Object.keys(document.paths['/disclosures/export']!['get']!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
  });
});
