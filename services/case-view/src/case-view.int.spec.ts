// The case view end to end over the real broker and a real database: the four
// producers' events arrive as CloudEvents on their topics, the app projects them, and
// users of each organisation type query it and get only what their organisation, role
// and the client's consent allow. Every disclosure and refusal reaches Kafka as a valid
// CaseViewed / CaseAccessRefused.
import type { KafkaMessage, Producer } from 'kafkajs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseAccessRefusedV1,
  caseReviewHeldV1,
  caseReviewScheduledV1,
  caseViewedV1,
  clientDischargedV1,
  clientRegisteredV1,
  reviewActionAssignedV1,
  topics,
  treatmentEpisodeEndedV1,
} from '@wcc/contracts';
import { decodeCloudEvent, encodeCloudEvent } from '@wcc/messaging';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import { openApiLintErrors } from '@wcc/service-testing';
import { caseScenario, cloudEventOf, organisations, type ScenarioEvent } from './testing/case-scenario';
import { caughtUp, connectedProducer, get, publish, readTopic, startCaseViewApp, tokenFor, users, waitFor } from './testing/case-view-test-kit';

const db = useTestDatabase();
const ns = testNamespace();

// A: the whole trajectory with consent. B: no consent, and the care provider never
// answered (its referral is overdue). C: a client of another municipality, nothing else.
const a = caseScenario();
const bScenario = caseScenario();
const b: ScenarioEvent[] = bScenario.events.filter((e) => e.definition.name !== 'ConsentGranted' && e.definition.producer !== 'care-provider' && e.definition.producer !== 'insurer');
// The MDT met on case A; an action went to the employer network and is long overdue.
const reviewId = crypto.randomUUID();
const actionId = crypto.randomUUID();
const mdtEvent = (definition: ScenarioEvent['definition'], occurredAt: string, data: Record<string, unknown>): ScenarioEvent => ({
  id: crypto.randomUUID(),
  definition,
  data: { ...(definition.example as Record<string, unknown>), caseId: a.caseId, clientKey: a.clientKey, occurredAt, reviewId, ...data },
});
const mdt: ScenarioEvent[] = [
  mdtEvent(caseReviewScheduledV1, '2025-04-01T08:00:00Z', { scheduledFor: '2025-04-08T13:00:00Z', chairUserId: 'regisseur-17', chairOrganisationId: organisations.municipality }),
  mdtEvent(caseReviewHeldV1, '2025-04-08T15:00:00Z', {
    heldOn: '2025-04-08',
    attendees: [
      { userId: 'regisseur-17', organisationId: organisations.municipality, organisationType: 'municipality' },
      { userId: 'am-04', organisationId: organisations.employerNetwork, organisationType: 'employer-network' },
    ],
    dataCategoriesDiscussed: ['work'],
    decisionCount: 1,
  }),
  mdtEvent(reviewActionAssignedV1, '2025-04-08T15:05:00Z', {
    actionId,
    ownerUserId: 'am-04',
    ownerOrganisationId: organisations.employerNetwork,
    ownerOrganisationType: 'employer-network',
    dueDate: '2025-04-22',
  }),
];
const cScenario = caseScenario();
const c: ScenarioEvent[] = cScenario.events.slice(0, 2).map((e) => ({ ...e, data: { ...e.data, municipalityId: 'gemeente-delft' } }));

let app: NestExpressApplication;
let baseUrl: string;
let producer: Producer;
let published: KafkaMessage[];
let stopReading: () => Promise<void>;
const tokens: Record<keyof typeof users, string> = {} as Record<keyof typeof users, string>;

interface Summary {
  readonly [key: string]: unknown;
  readonly referrals: { referralId: string; status: string; overdue: boolean; route: string | null }[];
}

const summaryOf = (body: Record<string, unknown>) => body['summary'] as Summary;
const timelineNames = (body: Record<string, unknown>) => (body['items'] as { name: string; organisation: { type: string } }[]).map((i) => `${i.organisation.type}:${i.name}`);

/** The case-view records on Kafka for a viewer and case, decoded. */
function recordsFor(type: string, viewerUserId: string, caseId: string) {
  return published
    .map((message) => ({ message, decoded: decodeCloudEvent(message) }))
    .filter((m) => m.decoded.ok && m.decoded.event.type === type)
    .map((m) => ({ message: m.message, event: (m.decoded as { ok: true; event: { data: Record<string, unknown>; source: string; id: string } }).event }))
    .filter((m) => m.event.data['viewerUserId'] === viewerUserId && m.event.data['caseId'] === caseId);
}

beforeAll(async () => {
  ({ app, baseUrl } = await startCaseViewApp(db, ns));
  producer = await connectedProducer();
  for (const [name, claims] of Object.entries(users)) tokens[name as keyof typeof users] = await tokenFor(claims);
  const reader = await readTopic(ns, ns.topic(topics.caseViewCaseEvents));
  published = reader.messages;
  stopReading = () => reader.consumer.disconnect();
  await publish(producer, ns, [...a.events, ...mdt, ...b, ...c]);
  await caughtUp(baseUrl, tokens.regisseur, a.events.length + mdt.length + b.length + c.length);
});

afterAll(async () => {
  await stopReading?.();
  await producer?.disconnect();
  await app?.close();
});

describe('the municipality (regie)', () => {
  it('lists its cases with overdue referrals flagged, and filters them', async () => {
    const list = await get(baseUrl, '/cases', tokens.regisseur);
    expect(list.status).toBe(200);
    const cases = list.body['cases'] as { caseId: string; overdueReferrals: number; phase: string; municipalityId: string }[];
    // Case C belongs to another municipality, and its client gave no consent.
    expect(cases.map((x) => x.caseId).sort()).toEqual([a.caseId, bScenario.caseId].sort());
    expect(cases.find((x) => x.caseId === bScenario.caseId)?.overdueReferrals).toBe(1);
    expect(cases.find((x) => x.caseId === a.caseId)).toMatchObject({ overdueReferrals: 0, phase: 'working', municipalityId: organisations.municipality });

    const overdue = await get(baseUrl, '/cases?overdueReferral=true', tokens.regisseur);
    expect((overdue.body['cases'] as { caseId: string }[]).map((x) => x.caseId)).toEqual([bScenario.caseId]);
    const rotterdam = await get(baseUrl, '/cases?municipality=gemeente-rotterdam&limit=1', tokens.regisseur);
    expect(rotterdam.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(rotterdam.body['cases']).toHaveLength(1);
    expect(await get(baseUrl, '/cases?municipality=gemeente-delft', tokens.regisseur)).toMatchObject({ status: 200, body: { total: 0, cases: [] } });
    expect(await get(baseUrl, '/cases?phase=working', tokens.regisseur)).toMatchObject({ body: { total: 2 } });
    expect(await get(baseUrl, '/cases?phase=advised', tokens.regisseur)).toMatchObject({ body: { total: 0 } });
    const withAction = await get(baseUrl, '/cases?openAction=true', tokens.regisseur);
    expect(withAction.body['cases']).toEqual([expect.objectContaining({ caseId: a.caseId, openActions: 1, overdueActions: 1 })]);
    expect(await get(baseUrl, '/cases?openAction=false', tokens.regisseur)).toMatchObject({ body: { total: 1, cases: [{ caseId: bScenario.caseId }] } });
  });

  it("sees the case summary: regie, phase, ladder trend, referrals, advice sent to it — not the care provider's treatment or funding", async () => {
    const answer = await get(baseUrl, `/cases/${a.caseId}`, tokens.regisseur);
    expect(answer.status).toBe(200);
    const summary = summaryOf(answer.body);
    expect(summary).toMatchObject({
      clientKey: a.clientKey,
      municipalityId: organisations.municipality,
      regie: { ownerUserId: 'regisseur-17' },
      phase: 'working',
      ladder: { latest: { ladderRung: 5 }, previousRung: 2, trend: 'up' },
      screeningAdvice: { advisedRoute: 'ips', workCapacityHoursPerWeek: 16 },
      inTreatment: null,
      funding: { status: 'none', requests: [] },
      placements: [{ placementId: a.placementId, sequence: 1, status: 'working' }],
    });
    expect(summary.referrals.map((r) => [r.referralId, r.status, r.overdue])).toEqual([
      [a.careReferralId, 'accepted', false],
      [a.matchingReferralId, 'accepted', false],
    ]);
    expect(answer.body['withheldForLackOfConsent']).toEqual({ categories: ['care-summary', 'financial'], items: 3 });
  });

  it('protocols the view as CaseViewed and the withheld items as CaseAccessRefused, valid on Kafka', async () => {
    await get(baseUrl, `/cases/${a.caseId}`, tokens.regisseur);
    const viewed = await waitFor('CaseViewed of the regisseur', () => recordsFor(caseViewedV1.type, 'regisseur-17', a.caseId).find((r) => r.event.data['view'] === 'case-summary'));
    expect(caseViewedV1.validate(viewed.event.data)).toMatchObject({ ok: true });
    expect(viewed.message.key?.toString()).toBe(a.caseId);
    expect(viewed.event.source).toBe('urn:nld:oin:wcc-case-view:systeem:case-view');
    expect(viewed.event.data).toMatchObject({
      viewerOrganisationId: organisations.municipality,
      viewerOrganisationType: 'municipality',
      viewerRole: 'regisseur',
      view: 'case-summary',
      purpose: 'chain-coordination',
      producingOrganisationIds: [organisations.careProvider, organisations.employerNetwork],
    });
    // The advice and the placement came as addressee; nothing else of others needed the consent.
    expect(viewed.event.data['dataCategoriesShown']).toEqual(expect.arrayContaining(['care-summary', 'work']));
    const refused = await waitFor('CaseAccessRefused of the regisseur', () => recordsFor(caseAccessRefusedV1.type, 'regisseur-17', a.caseId)[0]);
    expect(caseAccessRefusedV1.validate(refused.event.data)).toMatchObject({ ok: true });
    expect(refused.event.data).toMatchObject({
      refusedDataCategories: ['care-summary', 'financial'],
      producingOrganisationIds: [organisations.careProvider, organisations.insurer],
      itemsWithheld: 3,
      reason: 'no-consent',
    });
    // Protocol records carry categories and organisations, never the data shown.
    for (const record of [viewed, refused]) {
      const raw = record.message.value?.toString() ?? '';
      for (const leak of ['advisedRoute', 'ggz-screening', 'grossHourlyWageCents', 'Bakkerij', 'ladderRung']) expect(raw).not.toContain(leak);
    }
  });
});

describe('the care provider (screener)', () => {
  it('sees its own work, the referral to it, and by consent the ladder and the placement — not the benefit or funding', async () => {
    const answer = await get(baseUrl, `/cases/${a.caseId}`, tokens.screener);
    expect(answer.status).toBe(200);
    const summary = summaryOf(answer.body);
    expect(summary).toMatchObject({ inTreatment: true, ladder: { latest: { ladderRung: 5 } }, benefit: null, funding: { status: 'none' } });
    expect(answer.body['consentIdsReliedOn']).toEqual([a.consentId]);
    const timeline = await get(baseUrl, `/cases/${a.caseId}/timeline`, tokens.screener);
    expect(timelineNames(timeline.body)).toEqual(expect.arrayContaining(['care-provider:TreatmentEpisodeStarted', 'municipality:ParticipationMeasured', 'employer-network:PlacementStarted']));
    expect(timelineNames(timeline.body)).not.toContain('insurer:CareFundingGranted');
    const viewed = await waitFor('CaseViewed of the screener', () => recordsFor(caseViewedV1.type, 'screener-3', a.caseId).find((r) => r.event.data['view'] === 'case-timeline'));
    expect(viewed.event.data['consentIds']).toEqual([a.consentId]);
  });

  it('pages the timeline in case order, with readable lines in Dutch and English', async () => {
    const first = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=3`, tokens.screener);
    const rest = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=50&offset=3`, tokens.screener);
    const items = [...(first.body['items'] as { occurredAt: string }[]), ...(rest.body['items'] as { occurredAt: string }[])];
    expect(first.body).toMatchObject({ limit: 3, offset: 0 });
    expect((first.body['items'] as unknown[]).length).toBe(3);
    expect(items.length).toBe(first.body['total']);
    expect(items.map((i) => i.occurredAt)).toEqual([...items.map((i) => i.occurredAt)].sort());
    expect((first.body['items'] as { summary: { nl: string; en: string } }[])[0]?.summary).toEqual({
      nl: 'Cliënt ingeschreven, gemeente gemeente-rotterdam',
      en: 'Client registered, municipality gemeente-rotterdam',
    });
  });
});

describe('the employer network (account manager)', () => {
  it('never gets a care summary, consent or not', async () => {
    const answer = await get(baseUrl, `/cases/${a.caseId}`, tokens.accountManager);
    expect(answer.status).toBe(200);
    const summary = summaryOf(answer.body);
    expect(summary).toMatchObject({ screeningAdvice: null, zrm: null, inTreatment: null, placements: [{ placementId: a.placementId, employerName: 'Bakkerij De Korenschoof' }] });
    expect(summary.referrals.every((r) => r.route === null)).toBe(true);
    const timeline = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=200`, tokens.accountManager);
    for (const text of [answer.text, timeline.text]) {
      for (const leak of ['ggz-screening', 'advisedRoute', 'TreatmentEpisode', 'ScreeningAdvice', 'IpsIntake', '"care-summary"', 'mental-health']) expect(text).not.toContain(leak);
    }
  });

  it('sees the MDT review it attended and the overdue action it owns', async () => {
    const summary = summaryOf((await get(baseUrl, `/cases/${a.caseId}`, tokens.accountManager)).body);
    expect(summary['reviews']).toEqual([expect.objectContaining({ reviewId, status: 'held', decisionCount: 1, dataCategoriesDiscussed: ['work'] })]);
    expect(summary['actions']).toEqual([expect.objectContaining({ actionId, ownerUserId: 'am-04', dueDate: '2025-04-22', status: 'open', overdue: true })]);
    expect(summary['overdueActions']).toBe(1);
    const timeline = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=200`, tokens.accountManager);
    const held = (timeline.body['items'] as { name: string; summary: { en: string } }[]).find((i) => i.name === 'CaseReviewHeld');
    expect(held?.summary.en).toBe('MDT case review held, on 2025-04-08, with gemeente-rotterdam, wsp-rijnmond, discussed: work, 1 decisions');
  });

  it('learns nothing of a case it has no part in: 404 in the words of an unknown id, not listed, nothing protocolled', async () => {
    const outsider = await get(baseUrl, `/cases/${cScenario.caseId}`, tokens.accountManager);
    const unknownId = crypto.randomUUID();
    const unknown = await get(baseUrl, `/cases/${unknownId}`, tokens.accountManager);
    expect(outsider.status).toBe(404);
    expect(outsider.contentType).toContain('application/problem+json');
    const strip = (body: Record<string, unknown>, id: string) => JSON.stringify(body).replaceAll(id, '<id>');
    expect(strip(outsider.body, cScenario.caseId)).toBe(strip(unknown.body, unknownId));
    for (const path of [`/cases/${cScenario.caseId}/timeline`, `/cases/${cScenario.caseId}/timeline?limit=1&offset=1`]) {
      expect((await get(baseUrl, path, tokens.accountManager)).status, path).toBe(404);
    }
    // A refusal record would tell the chain that the case exists: there is none.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(recordsFor(caseAccessRefusedV1.type, 'am-04', cScenario.caseId)).toEqual([]);
    const list = await get(baseUrl, '/cases', tokens.accountManager);
    expect((list.body['cases'] as { caseId: string }[]).map((x) => x.caseId).sort()).toEqual([a.caseId, bScenario.caseId].sort());
  });
});

describe('the insurer (contract manager)', () => {
  it('sees the funding it decided and the request addressed to it, nothing else of the case', async () => {
    const timeline = await get(baseUrl, `/cases/${a.caseId}/timeline`, tokens.contractManager);
    expect(timeline.status).toBe(200);
    expect(timelineNames(timeline.body)).toEqual(['care-provider:CareFundingRequested', 'insurer:CareFundingGranted']);
    const summary = summaryOf((await get(baseUrl, `/cases/${a.caseId}`, tokens.contractManager)).body);
    expect(summary).toMatchObject({ funding: { status: 'granted' }, phase: null, ladder: null, placements: [] });
    // Another insurer takes no part in the case: it is not there for it.
    expect(await get(baseUrl, `/cases/${a.caseId}`, tokens.otherInsurer)).toMatchObject({ status: 404 });
    expect(await get(baseUrl, `/cases/${a.caseId}/timeline`, tokens.otherInsurer)).toMatchObject({ status: 404 });
    expect((await get(baseUrl, '/cases', tokens.otherInsurer)).body['cases']).toEqual([]);
  });
});

describe('consent withdrawal', () => {
  it('hides at once what was shown by consent, including items projected long before', async () => {
    const before = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=200`, tokens.screener);
    expect(timelineNames(before.body)).toContain('municipality:ParticipationMeasured');

    await publish(producer, ns, [a.withdrawal()]);
    await caughtUp(baseUrl, tokens.regisseur, a.events.length + mdt.length + b.length + c.length + 1);

    const after = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=200`, tokens.screener);
    expect(timelineNames(after.body)).not.toContain('municipality:ParticipationMeasured');
    expect(timelineNames(after.body)).not.toContain('employer-network:PlacementStarted');
    expect(timelineNames(after.body)).toContain('care-provider:TreatmentEpisodeStarted');
    expect(summaryOf((await get(baseUrl, `/cases/${a.caseId}`, tokens.screener)).body)).toMatchObject({ ladder: null, placements: [] });
    const refused = await waitFor('CaseAccessRefused after withdrawal', () =>
      recordsFor(caseAccessRefusedV1.type, 'screener-3', a.caseId).find((r) => (r.event.data['refusedDataCategories'] as string[]).includes('work')),
    );
    expect(refused.event.data['producingOrganisationIds']).toEqual(expect.arrayContaining([organisations.municipality, organisations.employerNetwork]));
    // The account manager keeps the placement it produced, loses the municipality's ladder.
    const am = summaryOf((await get(baseUrl, `/cases/${a.caseId}`, tokens.accountManager)).body);
    expect(am).toMatchObject({ ladder: null, placements: [{ placementId: a.placementId }] });
  });
});

describe('projection mechanics', () => {
  it('projects a redelivered message once, and dead-letters what does not fit its contract', async () => {
    const before = await caughtUp(baseUrl, tokens.regisseur, a.events.length + mdt.length + b.length + c.length + 1);
    const again = a.events[0]!;
    const invalid = { ...again, id: crypto.randomUUID(), data: { ...again.data, birthYear: 'nineteen-ninety' } };
    await producer.send({ topic: ns.topic(clientRegisteredV1.topic), acks: -1, messages: [encodeCloudEvent(cloudEventOf(again), a.caseId), encodeCloudEvent(cloudEventOf(invalid), a.caseId)] });
    const status = await waitFor('the duplicate and the dead letter to be handled', async () => {
      const { body } = await get(baseUrl, '/projection/status', tokens.regisseur);
      const consumer = body['consumer'] as { duplicates: number; deadLettered: number };
      return consumer.duplicates >= 1 && consumer.deadLettered >= 1 && body['totalLag'] === '0' ? body : undefined;
    });
    expect(status['items']).toBe(before['items']);
    expect(status['cases']).toBe(3);
    const partitions = status['partitions'] as { topic: string; lag: string; lastAppliedOffset: string | null }[];
    expect(new Set(partitions.map((p) => p.topic))).toEqual(
      new Set(['wcc.care-provider.case-events.v1', 'wcc.employer-network.case-events.v1', 'wcc.insurer.case-events.v1', 'wcc.municipality.case-events.v1'].map((t) => ns.topic(t))),
    );
    expect(partitions.every((p) => p.lag === '0')).toBe(true);
    expect(partitions.some((p) => p.lastAppliedOffset !== null)).toBe(true);
  });
});

describe('HTTP refusals', () => {
  it('401 without a token or with a bad one', async () => {
    expect(await get(baseUrl, '/cases')).toMatchObject({ status: 401 });
    expect(await get(baseUrl, `/cases/${a.caseId}`, 'not-a-jwt')).toMatchObject({ status: 401 });
    expect(await get(baseUrl, '/projection/status')).toMatchObject({ status: 401 });
  });

  it('400 naming each bad or unknown query parameter, and a bad case id', async () => {
    const bad = await get(baseUrl, '/cases?overdueReferral=yes&phase=flying&limit=0&colour=red', tokens.regisseur);
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((bad.body['errors'] as { field: string }[]).map((e) => e.field).sort()).toEqual(['colour', 'limit', 'overdueReferral', 'phase']);
    expect(await get(baseUrl, '/cases/not-a-uuid', tokens.regisseur)).toMatchObject({ status: 400, body: { errors: [{ field: 'caseId' }] } });
    expect(await get(baseUrl, `/cases/${a.caseId}/timeline?offset=-1`, tokens.regisseur)).toMatchObject({ status: 400, body: { errors: [{ field: 'offset' }] } });
  });

  it('403 for a role the token lacks or one that may see no case data', async () => {
    expect(await get(baseUrl, `/cases/${a.caseId}?asRole=regisseur`, tokens.screener)).toMatchObject({ status: 403 });
    expect(await get(baseUrl, '/cases', tokens.auditor)).toMatchObject({ status: 403 });
  });

  it('404 for a case the view does not know', async () => {
    expect(await get(baseUrl, `/cases/${crypto.randomUUID()}`, tokens.regisseur)).toMatchObject({ status: 404 });
    expect(await get(baseUrl, `/cases/${crypto.randomUUID()}/timeline`, tokens.regisseur)).toMatchObject({ status: 404 });
  });

  it('appends nothing to the event store on a refused request, nor on an outsider asking for a case', async () => {
    const count = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from event_store.events')).rows[0]!.n;
    const before = await count();
    await get(baseUrl, '/cases?limit=0', tokens.regisseur);
    await get(baseUrl, `/cases/${a.caseId}`);
    await get(baseUrl, `/cases/${a.caseId}`, tokens.auditor);
    await get(baseUrl, `/cases/${crypto.randomUUID()}`, tokens.regisseur);
    expect(await count()).toBe(before);
    expect(await get(baseUrl, `/cases/${cScenario.caseId}/timeline`, tokens.accountManager)).toMatchObject({ status: 404 });
    expect(await count()).toBe(before);
    // A view of nothing but the viewer's own data discloses nothing: nothing to protocol.
    const delftClerk = await tokenFor({ userId: 'km-2', organisationId: 'gemeente-delft', organisationType: 'municipality', roles: ['client-manager'] });
    expect(await get(baseUrl, `/cases/${cScenario.caseId}`, delftClerk)).toMatchObject({ status: 200, body: { itemsShown: 2 } });
    expect(await count()).toBe(before);
  });

  it('serves an OpenAPI 3.1 document that passes Redocly’s recommended rules without an error', async () => {
    const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiLintErrors(document)).toEqual([]);
  });

  it('documents every route in OpenAPI', async () => {
    const doc = await get(baseUrl, '/docs/openapi.json');
    const paths = doc.body['paths'] as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths).sort()).toEqual(['/cases', '/cases/{caseId}', '/cases/{caseId}/timeline', '/health', '/projection/status']);
    expect(Object.keys(paths['/cases/{caseId}']!['get']!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '503']);
  });
});

// Last, because it ends the care provider's part in case A for every test after it.
describe('discharge from care', () => {
  it("ends the care provider's membership of the case team: the case is gone for it, the regisseur reads the discharge", async () => {
    expect((await get(baseUrl, `/cases/${a.caseId}`, tokens.screener)).status).toBe(200);
    const careEvent = (definition: ScenarioEvent['definition'], occurredAt: string, data: Record<string, unknown>): ScenarioEvent => ({
      id: crypto.randomUUID(),
      definition,
      data: {
        ...(definition.example as Record<string, unknown>),
        caseId: a.caseId,
        clientKey: a.clientKey,
        occurredAt,
        referralId: a.careReferralId,
        organisationId: organisations.careProvider,
        ...data,
      },
    });
    await publish(producer, ns, [
      careEvent(treatmentEpisodeEndedV1, '2025-09-30T16:00:00Z', { endDate: '2025-09-30', endReason: 'completed' }),
      careEvent(clientDischargedV1, '2025-10-01T10:00:00Z', { dischargedOn: '2025-10-01', reasonCode: 'care-completed' }),
    ]);
    await caughtUp(baseUrl, tokens.regisseur, a.events.length + mdt.length + b.length + c.length + 1 + 2);

    expect(await get(baseUrl, `/cases/${a.caseId}`, tokens.screener)).toMatchObject({ status: 404 });
    expect(await get(baseUrl, `/cases/${a.caseId}/timeline`, tokens.screener)).toMatchObject({ status: 404 });
    expect(((await get(baseUrl, '/cases', tokens.screener)).body['cases'] as { caseId: string }[]).map((x) => x.caseId)).not.toContain(a.caseId);

    const timeline = await get(baseUrl, `/cases/${a.caseId}/timeline?limit=200`, tokens.regisseur);
    const discharged = (timeline.body['items'] as { name: string; summary: { nl: string; en: string } }[]).find((i) => i.name === 'ClientDischarged');
    expect(discharged?.summary).toEqual({ nl: 'Cliënt uit zorg ontslagen door ggz-delfland, op 2025-10-01', en: 'Client discharged from care by ggz-delfland, on 2025-10-01' });
  });
});
