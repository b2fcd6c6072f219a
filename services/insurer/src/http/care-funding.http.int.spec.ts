// The contract manager's HTTP API against the running app: real Postgres, real Kafka.
// Funding requests arrive the way they do in production, as care-provider CloudEvents.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careFundingRequestedV1, type CareFundingRequestedV1 } from '@wcc/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import { openApiLintErrors } from '@wcc/service-testing';
import { connectedProducer, contractManager, produceCloudEvent, startInsurerApp, tokenFor, waitFor } from '../testing/insurer-test-kit';

const db = useTestDatabase();
const ns = testNamespace();
const CARE_PROVIDER_SOURCE = 'urn:nld:oin:ggz-delfland:systeem:care-provider';

let app: NestExpressApplication;
let baseUrl: string;
let producer: Producer;
let achmea: string;

function fundingRequest(overrides: Partial<CareFundingRequestedV1> = {}): CareFundingRequestedV1 {
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

async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** A funding request received over Kafka and visible to the contract manager. */
async function receivedRequest(overrides: Partial<CareFundingRequestedV1> = {}): Promise<CareFundingRequestedV1> {
  const request = fundingRequest(overrides);
  await produceCloudEvent(producer, ns, careFundingRequestedV1, request, CARE_PROVIDER_SOURCE);
  const token = await tokenFor(contractManager(request.insurerId));
  await waitFor('the funding request to be received', async () => {
    const { status } = await call('GET', `/care-fundings/${request.fundingRequestId}`, { token });
    return status === 200 ? true : undefined;
  });
  return request;
}

async function eventCount(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from event_store.events');
  return rows[0]!.n;
}

const grantBody = { grantedUnits: 8, periodFrom: '2025-04-01', periodTo: '2025-09-30' };

beforeAll(async () => {
  ({ app, baseUrl } = await startInsurerApp(db, ns));
  producer = await connectedProducer();
  achmea = await tokenFor(contractManager('achmea'));
});

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
});

describe('insurer HTTP API', () => {
  it('grants a requested IPS intake: 8 × €92 = €736, and shows it with its remaining budget', async () => {
    const request = await receivedRequest();
    const before = await call('GET', `/care-fundings/${request.fundingRequestId}`, { token: achmea });
    expect(before.body).toMatchObject({ status: 'requested', instrument: 'ips-intake', requestedUnits: 8, careProviderId: 'ggz-delfland', version: 1 });

    const granted = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: grantBody });
    expect(granted.status).toBe(201);
    expect(granted.body).toEqual({ fundingRequestId: request.fundingRequestId, version: 2, grantedUnits: 8, grantedAmountCents: 73_600, tariffVersion: '2015.2' });

    const detail = await call('GET', `/care-fundings/${request.fundingRequestId}`, { token: achmea });
    expect(detail.body).toMatchObject({
      status: 'granted',
      grant: { grantedUnits: 8, grantedAmountCents: 73_600, unitPriceCents: 9_200, periodFrom: '2025-04-01', periodTo: '2025-09-30' },
      budget: { settledUnits: 0, remainingUnits: 8, remainingAmountCents: 73_600 },
      claims: [],
    });

    // Read-your-writes: the worklist read right after the answer already shows the grant.
    const list = (await call('GET', '/care-fundings?status=granted', { token: achmea })).body as unknown as { fundingRequestId: string; status: string; granted: unknown }[];
    expect(list.find((r) => r.fundingRequestId === request.fundingRequestId)).toMatchObject({ status: 'granted', granted: { units: 8, amountCents: 73_600 } });
  });

  it('refuses a request with a reason, and lists it under refused only', async () => {
    const request = await receivedRequest({ instrument: 'job-coaching', requestedUnits: 40, requestedAmountCents: 368_000, job: { hoursPerWeek: 24, contractMonths: 12, startDate: '2025-04-01' } });
    const refused = await call('POST', `/care-fundings/${request.fundingRequestId}/refuse`, {
      token: achmea,
      body: { reasonCode: 'not-covered', reason: 'Job coaching is funded by the municipality here.' },
    });
    expect(refused).toMatchObject({ status: 201, body: { fundingRequestId: request.fundingRequestId, version: 2 } });
    const refusedList = await call('GET', '/care-fundings?status=refused', { token: achmea });
    expect((refusedList.body as unknown as { fundingRequestId: string }[]).map((r) => r.fundingRequestId)).toContain(request.fundingRequestId);
    const requested = await call('GET', '/care-fundings?status=requested', { token: achmea });
    expect((requested.body as unknown as { fundingRequestId: string }[]).map((r) => r.fundingRequestId)).not.toContain(request.fundingRequestId);
  });

  it('shows a job-coaching request with its job, and answers 400 above the §5.1.4 cap saying how it follows', async () => {
    // 2025-04-01 … 2025-09-29 is 182 days, 26 weeks, in year 2 of a job started on 2024-04-01: 0.075 × 32 × 26 = 62.4 hours.
    const period = { periodFrom: '2025-04-01', periodTo: '2025-09-29' };
    const job = { hoursPerWeek: 32, contractMonths: 24, startDate: '2024-04-01' };
    const request = await receivedRequest({ instrument: 'job-coaching', requestedUnits: 80, requestedAmountCents: 736_000, ...period, job });
    const detail = await call('GET', `/care-fundings/${request.fundingRequestId}`, { token: achmea });
    expect(detail.body).toMatchObject({ status: 'requested', instrument: 'job-coaching', job });
    // The worklist shows it too, so the contract manager sees what the cap follows from.
    const listed = await waitFor('the job-coaching request in the worklist', async () => {
      const list = (await call('GET', '/care-fundings?status=requested', { token: achmea })).body as unknown as { fundingRequestId: string; job: unknown }[];
      return list.find((r) => r.fundingRequestId === request.fundingRequestId);
    });
    expect(listed).toMatchObject({ instrument: 'job-coaching', job });

    const before = await eventCount();
    const overCap = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { grantedUnits: 63, ...period } });
    expect(overCap).toMatchObject({
      status: 400,
      contentType: expect.stringContaining('application/problem+json') as unknown,
      body: { code: 'above-tariff-cap', errors: [{ field: '/grantedUnits' }] },
    });
    expect(overCap.body?.['detail']).toContain('at most 62 hour(s) of job-coaching for this job from 2025-04-01 to 2025-09-29: 7.5% of 32 h/week × 26.0 weeks in year 2 of the job');
    const outside = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { grantedUnits: 10, periodFrom: '2027-06-01', periodTo: '2027-06-30' } });
    expect(outside).toMatchObject({ status: 400, body: { code: 'outside-coaching-years', errors: [{ field: '/periodFrom' }] } });
    expect(await eventCount()).toBe(before);

    const granted = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { grantedUnits: 62, ...period } });
    expect(granted).toMatchObject({ status: 201, body: { grantedUnits: 62, grantedAmountCents: 62 * 9_200, tariffVersion: '2015.2' } });
  });

  it('lists a job-coaching request the tariff refused on arrival under refused, with the rule’s reason', async () => {
    const request = await receivedRequest({ instrument: 'job-coaching', requestedUnits: 40, requestedAmountCents: 368_000, job: { hoursPerWeek: 11, contractMonths: 12, startDate: '2025-04-01' } });
    // The worklist is a projection: it shows the refusal once it caught up.
    const listed = await waitFor('the refused request in the worklist', async () => {
      const refusedList = (await call('GET', '/care-fundings?status=refused', { token: achmea })).body as unknown as { fundingRequestId: string; refusal: unknown }[];
      return refusedList.find((r) => r.fundingRequestId === request.fundingRequestId);
    });
    expect(listed).toMatchObject({ refusal: { reasonCode: 'contract-hours-too-low' } });
    const grant = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { grantedUnits: 10, periodFrom: '2025-04-01', periodTo: '2025-09-30' } });
    expect(grant).toMatchObject({ status: 409, body: { code: 'care-funding-already-decided' } });
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await call('GET', '/care-fundings')).status).toBe(401);
    const forged = await call('GET', '/care-fundings', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    expect(forged).toMatchObject({ status: 401, contentType: expect.stringContaining('application/problem+json') as unknown });
  });

  it('answers 403 to other organisation types, other roles and an insurer the request is not addressed to, appending nothing', async () => {
    const request = await receivedRequest();
    const before = await eventCount();
    const municipality = await tokenFor({ userId: 'km-1', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'] });
    const careProviderManager = await tokenFor({ userId: 'x', organisationId: 'ggz-delfland', organisationType: 'care-provider', roles: ['contract-manager'] });
    const auditor = await tokenFor({ userId: 'a', organisationId: 'achmea', organisationType: 'insurer', roles: ['auditor'] });
    const cz = await tokenFor(contractManager('cz'));
    for (const token of [municipality, careProviderManager, auditor]) {
      expect((await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token, body: grantBody })).status).toBe(403);
      expect((await call('GET', '/care-fundings', { token })).status).toBe(403);
    }
    const other = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: cz, body: grantBody });
    expect(other).toMatchObject({ status: 403, body: { code: 'not-the-addressed-insurer' } });
    expect((await call('POST', `/care-fundings/${request.fundingRequestId}/refuse`, { token: cz, body: { reasonCode: 'other', reason: 'x' } })).status).toBe(403);
    expect((await call('GET', `/care-fundings/${request.fundingRequestId}`, { token: cz })).status).toBe(403);
    const czList = await call('GET', '/care-fundings', { token: cz });
    expect((czList.body as unknown as { fundingRequestId: string }[]).map((r) => r.fundingRequestId)).not.toContain(request.fundingRequestId);
    expect(await eventCount()).toBe(before);
  });

  it('answers 400 naming every bad field, and appends nothing', async () => {
    const request = await receivedRequest();
    const before = await eventCount();
    const bad = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, {
      token: achmea,
      body: { grantedUnits: 'eight', periodFrom: '01-04-2025', periodTo: '2025-09-30', approvedBy: 'me' },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    const fields = (bad.body?.['errors'] as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/grantedUnits', '/periodFrom', '/approvedBy']));

    const missing = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { grantedUnits: 8 } });
    expect((missing.body?.['errors'] as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['/periodFrom', '/periodTo']));

    const badEnum = await call('POST', `/care-fundings/${request.fundingRequestId}/refuse`, { token: achmea, body: { reasonCode: 'too-expensive', reason: '' } });
    expect((badEnum.body?.['errors'] as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['/reasonCode', '/reason']));

    const reversed = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { ...grantBody, periodFrom: '2025-10-01' } });
    expect(reversed).toMatchObject({ status: 400, body: { errors: [{ field: '/periodTo' }] } });

    const overCap = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { ...grantBody, grantedUnits: 9 } });
    expect(overCap).toMatchObject({ status: 400, body: { code: 'above-tariff-cap', errors: [{ field: '/grantedUnits' }] } });

    const overAmount = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { ...grantBody, grantedAmountCents: 80_000 } });
    expect(overAmount).toMatchObject({ status: 400, body: { errors: [{ field: '/grantedAmountCents' }] } });

    expect(await call('POST', '/care-fundings/not-a-uuid/grant', { token: achmea, body: grantBody })).toMatchObject({ status: 400, body: { errors: [{ field: 'fundingRequestId' }] } });
    expect(await call('GET', '/care-fundings?status=pending', { token: achmea })).toMatchObject({ status: 400, body: { errors: [{ field: 'status' }] } });
    expect(await eventCount()).toBe(before);
  });

  it('answers 404 for an unknown funding request', async () => {
    const before = await eventCount();
    const id = randomUUID();
    expect((await call('GET', `/care-fundings/${id}`, { token: achmea })).status).toBe(404);
    expect(await call('POST', `/care-fundings/${id}/grant`, { token: achmea, body: grantBody })).toMatchObject({ status: 404, body: { code: 'care-funding-not-found' } });
    expect(await eventCount()).toBe(before);
  });

  it('answers 409 to a second, different decision; a retried request with its Idempotency-Key changes nothing', async () => {
    const request = await receivedRequest();
    const key = randomUUID();
    const first = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { ...grantBody, grantedUnits: 6 }, headers: { 'idempotency-key': key } });
    expect(first).toMatchObject({ status: 201, body: { version: 2, grantedAmountCents: 55_200 } });
    const before = await eventCount();

    const retried = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { ...grantBody, grantedUnits: 6 }, headers: { 'idempotency-key': key } });
    // The first answer again, whole: the retried client learns what was granted.
    expect(retried).toMatchObject({ status: 201, body: { version: 2, grantedUnits: 6, grantedAmountCents: 55_200 } });
    const reusedKey = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: { ...grantBody, grantedUnits: 5 }, headers: { 'idempotency-key': key } });
    expect(reusedKey).toMatchObject({ status: 422, body: { code: 'idempotency-key-reused', errors: [{ field: 'Idempotency-Key' }] } });

    const again = await call('POST', `/care-fundings/${request.fundingRequestId}/grant`, { token: achmea, body: grantBody });
    expect(again).toMatchObject({ status: 409, body: { code: 'care-funding-already-decided' } });
    const refuse = await call('POST', `/care-fundings/${request.fundingRequestId}/refuse`, { token: achmea, body: { reasonCode: 'other', reason: 'Changed my mind.' } });
    expect(refuse.status).toBe(409);
    expect(await eventCount()).toBe(before);
  });

  it('serves an OpenAPI 3.1 document that passes Redocly’s recommended rules without an error', async () => {
    const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiLintErrors(document)).toEqual([]);
  });

  it('describes every route in its OpenAPI document', async () => {
    const { body } = await call('GET', '/docs/openapi.json');
    const paths = body?.['paths'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/care-fundings',
        '/care-fundings/{fundingRequestId}',
        '/care-fundings/{fundingRequestId}/grant',
        '/care-fundings/{fundingRequestId}/refuse',
        '/funded-clients',
        '/health',
      ]),
    );
    expect(JSON.stringify(paths['/care-fundings/{fundingRequestId}/grant'])).toContain('grantedUnits');
  });
});
