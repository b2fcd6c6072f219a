// What the employer network puts on Kafka, read raw off the physical topic: a referral
// answered, a placement started and ended for a health reason arrive as valid CloudEvents
// keyed by case id, and no health data, free text or employer detail goes with them.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerNetworkCaseEventsTopic, employerNetworkEvents, findIntegrationEvent, placementEndedV1, placementStartedV1 } from '@wcc/contracts';
import { decodeCloudEvent, type CloudEvent } from '@wcc/messaging';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import { accountManager, call, connectedProducer, readTopic, referCase, referral, startEmployerNetworkApp, tokenFor, waitFor } from '../testing/employer-network-test-kit';

const db = useTestDatabase();
const ns = testNamespace();

let app: INestApplication;
let baseUrl: string;
let producer: Producer;
let reader: { messages: KafkaMessage[]; consumer: Consumer };
let am: string;

const EXPECTED_SOURCE = 'urn:nld:oin:wcc-employer-network:systeem:employer-network';
/** Words that would mean health, free text or employer/contact detail leaked onto the bus. */
const FORBIDDEN = /health|burn-?out|sick|first-psychosis|route|reasonText|note|Mevr\. J\. de Wit|hr@korenschoof|bsn|diagnos/i;

beforeAll(async () => {
  ({ app, baseUrl } = await startEmployerNetworkApp(db, ns));
  producer = await connectedProducer();
  am = await tokenFor(accountManager());
  reader = await readTopic(ns, ns.topic(employerNetworkCaseEventsTopic));
});

afterAll(async () => {
  await reader?.consumer.disconnect();
  await producer?.disconnect();
  await app?.close();
});

function decoded(message: KafkaMessage): CloudEvent {
  const result = decodeCloudEvent(message);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

async function published(caseId: string, type: string): Promise<{ message: KafkaMessage; event: CloudEvent }> {
  return waitFor(`${type} of case ${caseId} on Kafka`, () => {
    const message = reader.messages.find((m) => m.key?.toString() === caseId && m.headers?.['ce_type']?.toString() === type);
    return message ? { message, event: decoded(message) } : undefined;
  });
}

describe('employer-network integration events on Kafka', () => {
  it('publishes PlacementStarted as a valid CloudEvent keyed by case id, with work data only, then job loss without the health reason', async () => {
    const caseId = randomUUID();
    await referCase(baseUrl, am, producer, ns, referral(caseId));
    expect((await call(baseUrl, 'POST', `/matchings/${caseId}/accept`, am, {})).status).toBe(200);
    const employer = await call<{ employerId: string }>(baseUrl, 'POST', '/employers', am, {
      name: 'Bakkerij De Korenschoof',
      sector: 'food retail',
      size: 'small',
      contact: { person: 'Mevr. J. de Wit', email: 'hr@korenschoof.example' },
    });
    const start = await call<{ placementId: string }>(baseUrl, 'POST', `/matchings/${caseId}/placements`, am, {
      employerId: employer.body.employerId,
      role: 'Baker assistant',
      contractType: 'zero-hours',
      hoursPerWeek: 12,
      grossHourlyWageCents: 1416,
      wageSubsidy: true,
      jobCoach: false,
      startDate: '2025-03-01',
    });
    expect(start.status).toBe(201);

    const { message, event } = await published(caseId, placementStartedV1.type);
    expect(message.key?.toString()).toBe(caseId);
    expect(message.headers?.['ce_specversion']?.toString()).toBe('1.0');
    expect(message.headers?.['content-type']?.toString()).toBe('application/json');
    expect(event.source).toBe(EXPECTED_SOURCE);
    expect(event.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(placementStartedV1.validate(event.data)).toMatchObject({ ok: true });
    expect(event.data).toMatchObject({
      caseId,
      placementId: start.body.placementId,
      sequence: 1,
      contractType: 'zero-hours',
      hoursPerWeek: 12,
      grossHourlyWageCents: 1416,
      wageSubsidy: true,
      employerName: 'Bakkerij De Korenschoof',
    });
    expect(Object.keys(event.data as object).sort()).toEqual(
      Object.keys(placementStartedV1.schema.properties)
        .filter((k) => k !== 'wageValuePercent')
        .sort(),
    );
    expect(message.value?.toString()).not.toMatch(FORBIDDEN);

    expect(
      (
        await call(baseUrl, 'POST', `/matchings/${caseId}/placements/${start.body.placementId}/end`, am, {
          endDate: '2025-04-30',
          reason: 'health',
          reasonText: 'Burn-out, on sick leave',
        })
      ).status,
    ).toBe(200);
    const ended = await published(caseId, placementEndedV1.type);
    expect(placementEndedV1.validate(ended.event.data)).toMatchObject({ ok: true });
    expect(ended.event.data).toEqual({
      caseId,
      clientKey: expect.any(String) as unknown,
      occurredAt: expect.any(String) as unknown,
      organisationId: 'wsp-rijnmond',
      addressedTo: 'gemeente-rotterdam',
      placementId: start.body.placementId,
      endDate: '2025-04-30',
      reason: 'other',
    });
    expect(ended.message.value?.toString()).not.toMatch(FORBIDDEN);

    const statuses = await waitFor('the matching status reopened', () => {
      const mine = reader.messages
        .filter((m) => m.key?.toString() === caseId && m.headers?.['ce_type']?.toString() === 'nl.workcarechain.employer-network.matching-status-changed.v1')
        .map((m) => (decoded(m).data as { status: string }).status);
      return mine.includes('reopened') ? mine : undefined;
    });
    expect(statuses).toEqual(['matching', 'placed', 'reopened']);
  });

  it('publishes only its own contract types, each valid, and nothing about employers or their contacts', async () => {
    const caseId = randomUUID();
    await referCase(baseUrl, am, producer, ns, referral(caseId));
    await call(baseUrl, 'POST', `/matchings/${caseId}/decline`, am, { reasonCode: 'outside-region', reason: 'The client lives outside our region.' });
    await published(caseId, 'nl.workcarechain.employer-network.referral-declined.v1');

    const ownTypes = new Set<string>(employerNetworkEvents.map((d) => d.type));
    for (const message of reader.messages) {
      const event = decoded(message);
      expect(ownTypes.has(event.type)).toBe(true);
      const definition = findIntegrationEvent(event.type);
      expect(definition?.validate(event.data)).toMatchObject({ ok: true });
      expect(message.key?.toString()).toBe(definition?.caseIdOf(event.data));
      expect(message.value?.toString()).not.toMatch(FORBIDDEN);
    }
  });
});
