// MDT case reviews on the real broker: every review command reaches the municipality
// topic as a valid CloudEvent of its contract, keyed by case id, from the municipality;
// the minuted words (decisions, action descriptions, notes, reason texts) never do.
import type { IHeaders } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIntegrationEvent, municipalityCaseEventsTopic } from '@wcc/contracts';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import { BSNS, call, CARE_PROVIDER, caseWithConsent, MUNICIPALITY, startMunicipality, token, type MunicipalityTestApp } from './testing/municipality.test-kit';
import { consumeUntil, type Consumed } from './testing/consume-until';

const db = useTestDatabase();
const ns = testNamespace();
let service: MunicipalityTestApp;
let caseId: string;
let clientKey: string;
let reviewId: string;
let cancelledReviewId: string;
let actionId: string;

// Texts that stay at the municipality; a leak of any of them fails the test.
const SECRETS = ['EMDR', 'psychosis relapse', 'medication', 'crisis at home', 'Fatima'];

const header = (headers: IHeaders, name: string): string | undefined => headers[name]?.toString();

beforeAll(async () => {
  service = await startMunicipality(db, ns);
  const base = service.baseUrl;
  const regisseur = await token(MUNICIPALITY, ['regisseur']);
  ({ caseId, clientKey } = await caseWithConsent(base, await token(MUNICIPALITY, ['client-manager']), BSNS[0]));
  const ok = async (path: string, body: unknown) => {
    const response = await call(base, 'POST', path, regisseur, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const scheduledFor = new Date(Date.now() + 86_400_000).toISOString();
  reviewId = (await ok(`/cases/${caseId}/reviews`, { scheduledFor, chairUserId: 'regisseur-17' }))['reviewId'] as string;
  await ok(`/reviews/${reviewId}/held`, {
    heldOn: '2025-03-10',
    attendees: [
      { userId: 'regisseur-17', organisationId: MUNICIPALITY, organisationType: 'municipality' },
      { userId: 'psy-4', organisationId: CARE_PROVIDER, organisationType: 'care-provider' },
    ],
    dataCategoriesDiscussed: ['work', 'care-summary'],
    decisions: ['Finish EMDR before IPS starts.', 'Watch for psychosis relapse.', 'Baseline measurement next week.'],
  });
  actionId = (
    await ok(`/reviews/${reviewId}/actions`, { description: 'Ask the psychiatrist about medication and hours.', ownerUserId: 'psy-4', ownerOrganisationId: CARE_PROVIDER, dueDate: '2025-03-17' })
  )['actionId'] as string;
  await ok(`/reviews/${reviewId}/actions/${actionId}/close`, { closedOn: '2025-03-14', outcome: 'partly-done', note: 'medication unchanged' });
  cancelledReviewId = (await ok(`/cases/${caseId}/reviews`, { scheduledFor, chairUserId: 'regisseur-17' }))['reviewId'] as string;
  await ok(`/reviews/${cancelledReviewId}/cancel`, { reasonCode: 'other', reasonText: 'crisis at home' });
});

afterAll(async () => {
  await service?.close();
});

const reviewTypes = ['case-review-scheduled', 'case-review-held', 'review-action-assigned', 'review-action-closed', 'case-review-cancelled'].map((name) => `nl.workcarechain.municipality.${name}.v1`);

describe('MDT case reviews on Kafka', () => {
  let reviewMessages: Consumed[];
  let all: Consumed[];

  beforeAll(async () => {
    // ClientRegistered, CaseOpened, ConsentGranted, then 6 review events (two reviews scheduled).
    all = await consumeUntil(ns, ns.topic(municipalityCaseEventsTopic), (messages) => messages.filter((m) => reviewTypes.includes(m.cloudEvent.type)).length >= 6);
    reviewMessages = all.filter((m) => reviewTypes.includes(m.cloudEvent.type));
  });

  it('publishes every review command as a valid CloudEvent of its contract, keyed by case id, from the municipality', () => {
    expect(reviewMessages.map((m) => m.cloudEvent.type)).toEqual([reviewTypes[0], reviewTypes[1], reviewTypes[2], reviewTypes[3], reviewTypes[0], reviewTypes[4]]);
    for (const message of reviewMessages) {
      const { cloudEvent } = message;
      const definition = findIntegrationEvent(cloudEvent.type);
      expect(definition, cloudEvent.type).toBeDefined();
      expect(definition!.validate(cloudEvent.data)).toMatchObject({ ok: true });
      expect(header(message.headers, 'ce_type')).toBe(cloudEvent.type);
      expect(header(message.headers, 'ce_source')).toBe('urn:nld:oin:wcc-municipality:systeem:municipality');
      expect(header(message.headers, 'ce_specversion')).toBe('1.0');
      expect(message.key).toBe(caseId);
      expect(cloudEvent.data).toMatchObject({ caseId, clientKey });
      expect(Object.keys(cloudEvent.data as object).every((field) => field in definition!.schema.properties)).toBe(true);
    }
  });

  it('carries the structure of the meeting: attendees with organisation type, categories, decision count, action owner and due date, outcome', () => {
    const data = (type: string) => reviewMessages.filter((m) => m.cloudEvent.type === type).map((m) => m.cloudEvent.data as Record<string, unknown>);
    expect(data(reviewTypes[1]!)[0]).toMatchObject({
      reviewId,
      heldOn: '2025-03-10',
      attendees: [
        { userId: 'regisseur-17', organisationId: MUNICIPALITY, organisationType: 'municipality' },
        { userId: 'psy-4', organisationId: CARE_PROVIDER, organisationType: 'care-provider' },
      ],
      dataCategoriesDiscussed: ['work', 'care-summary'],
      decisionCount: 3,
    });
    expect(data(reviewTypes[2]!)[0]).toMatchObject({ reviewId, actionId, ownerUserId: 'psy-4', ownerOrganisationId: CARE_PROVIDER, ownerOrganisationType: 'care-provider', dueDate: '2025-03-17' });
    expect(data(reviewTypes[3]!)[0]).toMatchObject({ reviewId, actionId, closedOn: '2025-03-14', outcome: 'partly-done' });
    const cancelled = data(reviewTypes[4]!)[0]!;
    expect(Object.keys(cancelled).sort()).toEqual(['caseId', 'clientKey', 'occurredAt', 'reasonCode', 'reviewId']);
    expect(cancelled).toMatchObject({ reviewId: cancelledReviewId, reasonCode: 'other' });
  });

  it('never carries a decision text, action description, note, reason text or name, in key, headers or value', () => {
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const message of all) {
      const headers = Object.entries(message.headers).map(([name, value]) => `${name}=${Array.isArray(value) ? value.map(String).join(',') : String(value)}`);
      const everything = `${message.key ?? ''}\n${headers.join('\n')}\n${message.value}`;
      for (const secret of SECRETS) expect(everything, message.cloudEvent.type).not.toContain(secret);
      expect(everything).not.toMatch(/"decisions"|"description"|"note"|"reasonText"/);
    }
  });
});
