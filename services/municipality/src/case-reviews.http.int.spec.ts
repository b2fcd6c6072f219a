// MDT case reviews over HTTP against real Postgres and Kafka: schedule, hold, assign and
// close actions, cancel; 400 naming the fields, 401, 403 for other organisations, 404,
// 409; nothing appended on refusal; overdue actions computed when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { dateInAmsterdam } from '@wcc/municipality-domain';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import {
  BSNS,
  call,
  CARE_PROVIDER,
  caseWithConsent,
  EMPLOYER_NETWORK,
  eventually,
  MUNICIPALITY,
  OTHER_MUNICIPALITY,
  startMunicipality,
  storedEventCount,
  token,
  type MunicipalityTestApp,
} from './testing/municipality.test-kit';

const db = useTestDatabase();
const ns = testNamespace();
let service: MunicipalityTestApp;
let base: string;
let clientManager: string;
let regisseur: string;
let otherMunicipality: string;
let employer: string;
let careProvider: string;
let caseId: string;

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const attendees = [
  { userId: 'regisseur-17', organisationId: MUNICIPALITY, organisationType: 'municipality' },
  { userId: 'psy-4', organisationId: CARE_PROVIDER, organisationType: 'care-provider' },
  { userId: 'am-2', organisationId: EMPLOYER_NETWORK, organisationType: 'employer-network' },
];
// Held in the past so that an action due soon after is overdue today.
const heldInThePast = { heldOn: '2025-02-03', attendees, dataCategoriesDiscussed: ['work', 'administrative'], decisions: ['Start matching in logistics.', 'Baseline measurement next week.'] };

beforeAll(async () => {
  service = await startMunicipality(db, ns);
  base = service.baseUrl;
  clientManager = await token(MUNICIPALITY, ['client-manager']);
  regisseur = await token(MUNICIPALITY, ['regisseur']);
  otherMunicipality = await token(OTHER_MUNICIPALITY, ['client-manager', 'regisseur']);
  employer = await token(EMPLOYER_NETWORK, ['account-manager'], 'employer-network');
  careProvider = await token(CARE_PROVIDER, ['screener'], 'care-provider');
  ({ caseId } = await caseWithConsent(base, clientManager, BSNS[0]));
});

afterAll(async () => {
  await service?.close();
});

/** Runs a refused call and proves it stored nothing. */
async function refused(run: () => ReturnType<typeof call>, status: number, code?: string): Promise<Record<string, unknown>> {
  const before = await storedEventCount(db);
  const response = await run();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toMatch(/application\/problem\+json/);
  if (code !== undefined) expect(response.body['code']).toBe(code);
  expect(await storedEventCount(db)).toBe(before);
  return response.body;
}

function fields(problem: Record<string, unknown>): string[] {
  return ((problem['errors'] as { field: string }[] | undefined) ?? []).map((e) => e.field);
}

async function ok(method: 'GET' | 'POST', path: string, body?: unknown, bearer = regisseur, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await call(base, method, path, bearer, body, headers);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function scheduledReview(): Promise<string> {
  return (await ok('POST', `/cases/${caseId}/reviews`, { scheduledFor: inAWeek(), chairUserId: 'regisseur-17' }))['reviewId'] as string;
}

async function heldReview(): Promise<string> {
  const reviewId = await scheduledReview();
  await ok('POST', `/reviews/${reviewId}/held`, heldInThePast);
  return reviewId;
}

interface ReviewBody {
  reviewId: string;
  status: string;
  chair: { userId: string };
  held?: { attendees: unknown[]; decisions: string[]; dataCategoriesDiscussed: string[] };
  cancellation?: { reasonCode: string };
  actions: { actionId: string; status: string; overdue: boolean; dueDate: string; outcome?: string; description: string; owner: Record<string, string> }[];
  openActions: number;
  overdueActions: number;
}

async function reviewsOfCase(): Promise<ReviewBody[]> {
  return (await ok('GET', `/cases/${caseId}/reviews`))['reviews'] as ReviewBody[];
}

describe('an MDT case review from schedule to closed actions', () => {
  it('schedules (201), records it held, assigns and closes actions; GET shows it all with overdue flags', async () => {
    const scheduled = await call(base, 'POST', `/cases/${caseId}/reviews`, clientManager, { scheduledFor: inAWeek(), chairUserId: 'regisseur-17' });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({ caseId, version: 1 });
    const reviewId = scheduled.body['reviewId'] as string;

    expect((await reviewsOfCase()).find((r) => r.reviewId === reviewId)).toMatchObject({ status: 'scheduled', chair: { userId: 'regisseur-17' }, actions: [] });

    const held = await call(base, 'POST', `/reviews/${reviewId}/held`, regisseur, heldInThePast);
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body).toEqual({ reviewId, version: 2 });

    const late = await call(base, 'POST', `/reviews/${reviewId}/actions`, regisseur, {
      description: 'Propose two logistics vacancies.',
      ownerUserId: 'am-2',
      ownerOrganisationId: EMPLOYER_NETWORK,
      dueDate: '2025-02-10',
    });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const lateActionId = late.body['actionId'] as string;
    const today = dateInAmsterdam(new Date());
    const current = await ok(
      'POST',
      `/reviews/${reviewId}/actions`,
      { description: 'Plan the baseline measurement.', ownerUserId: 'km-3', ownerOrganisationId: MUNICIPALITY, dueDate: today },
      clientManager,
    );
    const doneAction = await ok('POST', `/reviews/${reviewId}/actions`, { description: 'Send screening summary.', ownerUserId: 'psy-4', ownerOrganisationId: CARE_PROVIDER, dueDate: '2025-02-07' });
    const closed = await call(base, 'POST', `/reviews/${reviewId}/actions/${doneAction['actionId'] as string}/close`, regisseur, {
      closedOn: '2025-02-06',
      outcome: 'done',
      note: 'Arrived by secure mail.',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toEqual({ reviewId, version: 6 });

    const review = (await reviewsOfCase()).find((r) => r.reviewId === reviewId)!;
    expect(review).toMatchObject({ status: 'held', openActions: 2, overdueActions: 1 });
    expect(review.held).toMatchObject({ attendees, decisions: heldInThePast.decisions, dataCategoriesDiscussed: ['work', 'administrative'] });
    const byId = new Map(review.actions.map((a) => [a.actionId, a]));
    expect(byId.get(lateActionId)).toMatchObject({ status: 'open', overdue: true, dueDate: '2025-02-10', owner: { organisationId: EMPLOYER_NETWORK, organisationType: 'employer-network' } });
    expect(byId.get(current['actionId'] as string)).toMatchObject({ status: 'open', overdue: false, owner: { organisationType: 'municipality' } });
    expect(byId.get(doneAction['actionId'] as string)).toMatchObject({ status: 'closed', outcome: 'done', overdue: false });

    const overdue = (await ok('GET', '/reviews/actions?overdue=true'))['actions'] as { actionId: string; overdue: boolean; caseId: string; description: string }[];
    expect(overdue.map((a) => a.actionId)).toContain(lateActionId);
    expect(overdue.every((a) => a.overdue)).toBe(true);
    expect(overdue.find((a) => a.actionId === lateActionId)).toMatchObject({ caseId, description: 'Propose two logistics vacancies.' });
    const notOverdue = (await ok('GET', '/reviews/actions?overdue=false'))['actions'] as { actionId: string }[];
    expect(notOverdue.map((a) => a.actionId)).toEqual(expect.arrayContaining([current['actionId'], doneAction['actionId']]));
    expect(notOverdue.map((a) => a.actionId)).not.toContain(lateActionId);
    const all = (await ok('GET', '/reviews/actions'))['actions'] as unknown[];
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it('cancels a scheduled review with a reason', async () => {
    const reviewId = await scheduledReview();
    const cancelled = await call(base, 'POST', `/reviews/${reviewId}/cancel`, clientManager, { reasonCode: 'rescheduled' });
    expect(cancelled.status).toBe(200);
    expect((await reviewsOfCase()).find((r) => r.reviewId === reviewId)).toMatchObject({ status: 'cancelled', cancellation: { reasonCode: 'rescheduled' } });
  });

  it('treats a retry with the same Idempotency-Key as the same schedule', async () => {
    const key = randomUUID();
    const body = { scheduledFor: inAWeek(), chairUserId: 'regisseur-17' };
    const first = await ok('POST', `/cases/${caseId}/reviews`, body, regisseur, { 'idempotency-key': key });
    const before = await storedEventCount(db);
    const again = await ok('POST', `/cases/${caseId}/reviews`, body, regisseur, { 'idempotency-key': key });
    expect(again).toEqual(first);
    expect(await storedEventCount(db)).toBe(before);
  });
});

describe('refusals (each stores nothing)', () => {
  it('400 names every bad or unknown field', async () => {
    const schedule = await refused(() => call(base, 'POST', `/cases/${caseId}/reviews`, regisseur, { scheduledFor: 'next monday', extra: 1 }), 400);
    expect(fields(schedule)).toEqual(expect.arrayContaining(['/scheduledFor', '/chairUserId', '/extra']));
    const reviewId = await scheduledReview();
    const held = await refused(
      () =>
        call(base, 'POST', `/reviews/${reviewId}/held`, regisseur, {
          heldOn: '2025-02-30x',
          attendees: [{ userId: 'x', organisationId: 'uwv-rotterdam', organisationType: 'uwv' }],
          dataCategoriesDiscussed: ['diagnosis'],
          decisions: [''],
        }),
      400,
    );
    expect(fields(held)).toEqual(expect.arrayContaining(['/heldOn', '/attendees/0/organisationType', '/dataCategoriesDiscussed/0', '/decisions/0']));
    expect(fields(await refused(() => call(base, 'POST', `/reviews/${reviewId}/cancel`, regisseur, { reasonCode: 'other' }), 400, 'reason-text-required'))).toEqual(['/reasonText']);
    expect(fields(await refused(() => call(base, 'POST', '/reviews/not-a-uuid/cancel', regisseur, { reasonCode: 'rescheduled' }), 400))).toEqual(['reviewId']);
    expect(fields(await refused(() => call(base, 'GET', '/reviews/actions?overdue=maybe', regisseur), 400))).toEqual(['overdue']);
  });

  it('400 for domain rules on the input: a meeting before today, a due date before the review, care summary with the employer network', async () => {
    const past = await refused(() => call(base, 'POST', `/cases/${caseId}/reviews`, regisseur, { scheduledFor: '2025-01-01T10:00:00Z', chairUserId: 'r' }), 400, 'review-in-past');
    expect(fields(past)).toEqual(['/scheduledFor']);
    const reviewId = await heldReview();
    const due = await refused(
      () => call(base, 'POST', `/reviews/${reviewId}/actions`, regisseur, { description: 'x', ownerUserId: 'psy-4', ownerOrganisationId: CARE_PROVIDER, dueDate: '2025-02-02' }),
      400,
      'due-before-review',
    );
    expect(fields(due)).toEqual(['/dueDate']);
    const other = await scheduledReview();
    const care = await refused(
      () => call(base, 'POST', `/reviews/${other}/held`, regisseur, { ...heldInThePast, dataCategoriesDiscussed: ['care-summary'] }),
      400,
      'care-summary-with-employer-network',
    );
    expect(fields(care)).toEqual(['/dataCategoriesDiscussed']);
  });

  it('401 without a token', async () => {
    await refused(() => call(base, 'POST', `/cases/${caseId}/reviews`, undefined, { scheduledFor: inAWeek(), chairUserId: 'r' }), 401);
    await refused(() => call(base, 'GET', `/cases/${caseId}/reviews`), 401);
  });

  it('403 for another municipality and for partner organisations, on every route', async () => {
    const reviewId = await heldReview();
    const action = await ok('POST', `/reviews/${reviewId}/actions`, { description: 'x', ownerUserId: 'psy-4', ownerOrganisationId: CARE_PROVIDER, dueDate: '2099-01-01' });
    const actionId = action['actionId'] as string;
    for (const bearer of [otherMunicipality, employer, careProvider]) {
      await refused(() => call(base, 'POST', `/cases/${caseId}/reviews`, bearer, { scheduledFor: inAWeek(), chairUserId: 'r' }), 403);
      await refused(() => call(base, 'POST', `/reviews/${reviewId}/held`, bearer, heldInThePast), 403);
      await refused(() => call(base, 'POST', `/reviews/${reviewId}/actions`, bearer, { description: 'x', ownerUserId: 'u', ownerOrganisationId: MUNICIPALITY, dueDate: '2099-01-01' }), 403);
      await refused(() => call(base, 'POST', `/reviews/${reviewId}/actions/${actionId}/close`, bearer, { closedOn: '2025-02-04', outcome: 'done' }), 403);
      await refused(() => call(base, 'POST', `/reviews/${reviewId}/cancel`, bearer, { reasonCode: 'rescheduled' }), 403);
      await refused(() => call(base, 'GET', `/cases/${caseId}/reviews`, bearer), 403);
    }
    // The other municipality does not see our actions in its list either.
    const theirs = (await ok('GET', '/reviews/actions', undefined, otherMunicipality))['actions'] as { actionId: string }[];
    expect(theirs.map((a) => a.actionId)).not.toContain(actionId);
  });

  it('404 for an unknown case, review or action', async () => {
    await refused(() => call(base, 'POST', `/cases/${randomUUID()}/reviews`, regisseur, { scheduledFor: inAWeek(), chairUserId: 'r' }), 404, 'case-not-found');
    await refused(() => call(base, 'GET', `/cases/${randomUUID()}/reviews`, regisseur), 404);
    await refused(() => call(base, 'POST', `/reviews/${randomUUID()}/held`, regisseur, heldInThePast), 404, 'review-not-found');
    await refused(() => call(base, 'POST', `/reviews/${randomUUID()}/cancel`, regisseur, { reasonCode: 'rescheduled' }), 404, 'review-not-found');
    const reviewId = await heldReview();
    await refused(() => call(base, 'POST', `/reviews/${reviewId}/actions/${randomUUID()}/close`, regisseur, { closedOn: '2025-02-04', outcome: 'done' }), 404, 'action-not-found');
  });

  it('409 for impossible transitions: actions on a cancelled review, closing twice, cancelling a held review, holding twice', async () => {
    const cancelled = await scheduledReview();
    await ok('POST', `/reviews/${cancelled}/cancel`, { reasonCode: 'too-few-attendees' });
    await refused(
      () => call(base, 'POST', `/reviews/${cancelled}/actions`, regisseur, { description: 'x', ownerUserId: 'u', ownerOrganisationId: MUNICIPALITY, dueDate: '2099-01-01' }),
      409,
      'review-cancelled',
    );
    await refused(() => call(base, 'POST', `/reviews/${cancelled}/held`, regisseur, heldInThePast), 409, 'review-cancelled');
    await refused(() => call(base, 'POST', `/reviews/${cancelled}/cancel`, regisseur, { reasonCode: 'rescheduled' }), 409, 'review-already-cancelled');

    const reviewId = await heldReview();
    await refused(() => call(base, 'POST', `/reviews/${reviewId}/held`, regisseur, heldInThePast), 409, 'review-already-held');
    await refused(() => call(base, 'POST', `/reviews/${reviewId}/cancel`, regisseur, { reasonCode: 'rescheduled' }), 409, 'review-already-held');
    const action = await ok('POST', `/reviews/${reviewId}/actions`, { description: 'x', ownerUserId: 'km-3', ownerOrganisationId: MUNICIPALITY, dueDate: '2099-01-01' });
    const close = `/reviews/${reviewId}/actions/${action['actionId'] as string}/close`;
    await ok('POST', close, { closedOn: '2025-02-04', outcome: 'done' });
    await refused(() => call(base, 'POST', close, regisseur, { closedOn: '2025-02-05', outcome: 'not-done' }), 409, 'action-already-closed');

    const notYetHeld = await scheduledReview();
    await refused(
      () => call(base, 'POST', `/reviews/${notYetHeld}/actions`, regisseur, { description: 'x', ownerUserId: 'u', ownerOrganisationId: MUNICIPALITY, dueDate: '2099-01-01' }),
      409,
      'review-not-held',
    );
  });

  it('409 when the client gave no consent for a partner at the table, and for a closed case', async () => {
    const reviewId = await scheduledReview();
    const insurer = { userId: 'cm-1', organisationId: 'zilveren-kruis', organisationType: 'insurer' };
    await refused(() => call(base, 'POST', `/reviews/${reviewId}/held`, regisseur, { ...heldInThePast, attendees: [...attendees, insurer] }), 409, 'consent-required');

    const other = await caseWithConsent(base, clientManager, BSNS[1]);
    const review = (await ok('POST', `/cases/${other.caseId}/reviews`, { scheduledFor: inAWeek(), chairUserId: 'regisseur-17' }))['reviewId'] as string;
    await ok('POST', `/cases/${other.caseId}/close`, { reasonCode: 'moved' });
    await refused(() => call(base, 'POST', `/cases/${other.caseId}/reviews`, regisseur, { scheduledFor: inAWeek(), chairUserId: 'r' }), 409, 'case-closed');
    await refused(() => call(base, 'POST', `/reviews/${review}/held`, regisseur, heldInThePast), 409, 'case-closed');
    // A review that will not happen can still be cancelled on a closed case.
    expect((await call(base, 'POST', `/reviews/${review}/cancel`, regisseur, { reasonCode: 'no-longer-needed' })).status).toBe(200);
  });
});

describe('the rest of the service is not disturbed by review streams', () => {
  it('the case list keeps projecting after review events (its projection skips case-review streams)', async () => {
    const later = await caseWithConsent(base, clientManager, BSNS[2]);
    const listed = await eventually(
      async () => {
        const cases = (await ok('GET', '/cases'))['cases'] as { caseId: string }[];
        return cases.some((c) => c.caseId === later.caseId) ? cases : undefined;
      },
      'a case opened after the reviews in the case list',
      10_000,
    );
    expect(listed.map((c) => c.caseId)).toContain(caseId);
  });

  it('documents every review route in OpenAPI', async () => {
    const doc = (await call(base, 'GET', '/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    for (const path of [
      '/cases/{caseId}/reviews',
      '/reviews/{reviewId}/held',
      '/reviews/{reviewId}/actions',
      '/reviews/{reviewId}/actions/{actionId}/close',
      '/reviews/{reviewId}/cancel',
      '/reviews/actions',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/cases/{caseId}/reviews']!).sort()).toEqual(['get', 'post']);
  });
});
