import { describe, expect, it } from 'vitest';
import { dataCategories } from './core/data-category';
import { allTopics, chainTopics, deadLetterTopicOf, findIntegrationEvent, integrationEvents, topics, type AudienceOnlyEventKey } from './index';

// Every member of the type, no more: `satisfies` refuses a missing or an unknown key.
const audienceOnly = {
  'municipality:ClientReferredForMatching': true,
  'employer-network:ClientStartedWork': true,
  'employer-network:ClientLeftWork': true,
} satisfies Record<AudienceOnlyEventKey, true>;

describe('integration event registry', () => {
  it('names as AudienceOnlyEventKey exactly the events that are on no chain topic', () => {
    const offChain = integrationEvents.filter((d) => !(chainTopics as readonly string[]).includes(d.topic)).map((d) => `${d.producer}:${d.name}`);
    expect(offChain.sort()).toEqual(Object.keys(audienceOnly).sort());
  });

  it('holds the first events of a trajectory', () => {
    expect(integrationEvents.map((definition) => definition.name)).toEqual(
      expect.arrayContaining(['ClientReferred', 'ConsentGranted', 'ConsentWithdrawn', 'ReferralAccepted', 'ReferralDeclined', 'ScreeningAdviceSubmitted']),
    );
  });

  it.each(integrationEvents.map((definition) => [definition.type, definition] as const))('%s: its example validates against its own schema', (_type, definition) => {
    expect(definition.validate(definition.example)).toEqual({ ok: true, value: definition.example });
  });

  it.each(integrationEvents.map((definition) => [definition.type, definition] as const))('%s: every top-level field has a data category', (_type, definition) => {
    const properties = Object.keys(definition.schema.properties);
    expect(Object.keys(definition.categories).sort()).toEqual([...properties].sort());
    for (const category of Object.values(definition.categories)) expect(dataCategories).toContain(category);
    expect(definition.categories['clientKey']).toBe('identifying');
  });

  it.each(integrationEvents.map((definition) => [definition.type, definition] as const))('%s: is keyed by its case id', (_type, definition) => {
    expect(definition.caseIdOf(definition.example)).toBe((definition.example as { caseId: string }).caseId);
  });

  it('keeps everything the care provider says about a client in the care-summary or administrative categories', () => {
    const screening = findIntegrationEvent('nl.workcarechain.care-provider.screening-advice-submitted.v1');
    expect(screening?.categories).toMatchObject({
      advisedRoute: 'care-summary',
      workCapacityHoursPerWeek: 'care-summary',
      functionalLimitations: 'care-summary',
      contraIndications: 'care-summary',
      reviewDate: 'care-summary',
    });
  });

  it('finds a definition by its CloudEvents type and nothing for an unknown one', () => {
    expect(findIntegrationEvent('nl.workcarechain.municipality.client-referred.v1')?.name).toBe('ClientReferred');
    expect(findIntegrationEvent('nl.workcarechain.municipality.client-referred.v9')).toBeUndefined();
  });

  it('publishes each event on a listed topic, and names dead-letter topics after it', () => {
    for (const definition of integrationEvents) expect(allTopics).toContain(definition.topic);
    expect(deadLetterTopicOf(topics.careProviderCaseEvents)).toBe('wcc.care-provider.case-events.v1.dlt');
  });

  it('refuses a payload that carries a BSN as client key, with the path of the fault', () => {
    const referral = findIntegrationEvent('nl.workcarechain.municipality.client-referred.v1');
    const result = referral?.validate({ ...(referral.example as object), clientKey: '123456782', replyDeadline: '17-03-2025' });
    expect(result).toMatchObject({ ok: false, issues: expect.arrayContaining([expect.objectContaining({ path: '/clientKey' }), expect.objectContaining({ path: '/replyDeadline' })]) as unknown });
  });
});
