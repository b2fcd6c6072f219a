import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { field } from './data-category';
import { defineIntegrationEvent, eventData, integrationEventType } from './integration-event';

const envelope = { caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71', clientKey: 'ck_7Qm2xV9pLr4TnB8s', occurredAt: '2025-03-03T09:15:00Z' };

function spec(properties: Parameters<typeof eventData>[0], example: Record<string, unknown>) {
  return {
    name: 'PlacementProbed',
    revealsCareInvolvement: 'never' as const,
    version: 1,
    producer: 'employer-network' as const,
    topic: 'wcc.employer-network.case-events.v1',
    description: 'A test event.',
    schema: eventData(properties),
    example: { ...envelope, ...example },
  };
}

describe('defineIntegrationEvent', () => {
  it('derives type, categories and the case key from one declaration', () => {
    const definition = defineIntegrationEvent(spec({ hoursPerWeek: field('work', Type.Integer({ minimum: 0 })) }, { hoursPerWeek: 24 }));

    expect(definition.type).toBe('nl.workcarechain.employer-network.placement-probed.v1');
    expect(definition.categories).toEqual({ caseId: 'administrative', clientKey: 'identifying', occurredAt: 'administrative', hoursPerWeek: 'work' });
    expect(definition.caseIdOf(definition.example)).toBe(envelope.caseId);
    expect(definition.schema['x-data-category' as keyof typeof definition.schema]).toBeUndefined();
    expect(definition.schema.properties).toMatchObject({ hoursPerWeek: { 'x-data-category': 'work' } });
  });

  it("refuses a care provider's or insurer's event that does not declare it reveals care involvement", () => {
    const base = spec({}, {});
    for (const producer of ['care-provider', 'insurer'] as const) {
      const topic = `wcc.${producer}.case-events.v1`;
      for (const revealsCareInvolvement of ['never', 'depends-on-data'] as const) {
        expect(() => defineIntegrationEvent({ ...base, producer, topic, revealsCareInvolvement })).toThrow(/reveals that the client is in care: revealsCareInvolvement must be 'always'/);
      }
      expect(defineIntegrationEvent({ ...base, producer, topic, revealsCareInvolvement: 'always' }).revealsCareInvolvement).toBe('always');
    }
  });

  it("routes to the addressed organisation's own topic only what its data addresses, and lists every topic it is declared on", () => {
    const base = {
      ...spec(
        { toOrganisationType: field('administrative', Type.String()), toOrganisationId: field('administrative', Type.String()), insurerId: field('administrative', Type.String()) },
        { toOrganisationType: 'care-provider', toOrganisationId: 'ggz-delfland', insurerId: 'Zilveren.Kruis' },
      ),
      producer: 'municipality' as const,
      topic: 'wcc.municipality.case-events.v1',
      revealsCareInvolvement: 'depends-on-data' as const,
    };
    const definition = defineIntegrationEvent({
      ...base,
      audiences: { 'care-provider': { to: (d) => (d.toOrganisationType === 'care-provider' ? String(d.toOrganisationId) : undefined) }, insurer: { to: (d) => String(d['insurerId']) } },
    });
    expect(definition.audiences).toEqual(['care-provider', 'insurer']);
    expect(definition.deliveries).toEqual({ 'care-provider': 'addressed-organisation', insurer: 'addressed-organisation' });
    expect(definition.topics).toEqual(['wcc.municipality.case-events.v1', 'wcc.municipality.to-care-provider.v1', 'wcc.municipality.to-insurer.v1']);
    expect(definition.topicsOf(definition.example)).toEqual([
      'wcc.municipality.case-events.v1',
      'wcc.municipality.to-care-provider.ggz-delfland.v1',
      'wcc.municipality.to-insurer._5ailveren_2e_4bruis.v1',
    ]);
    expect(definition.topicsOf({ ...definition.example, toOrganisationType: 'employer-network' })).toEqual(['wcc.municipality.case-events.v1', 'wcc.municipality.to-insurer._5ailveren_2e_4bruis.v1']);
    // An id that cannot be addressed (a space) is addressed to no one: the chain topic, never a failed relay.
    expect(definition.topicsOf({ ...definition.example, insurerId: 'Zilveren Kruis' })).toEqual(['wcc.municipality.case-events.v1', 'wcc.municipality.to-care-provider.ggz-delfland.v1']);
    expect(defineIntegrationEvent(base).topicsOf(base.example)).toEqual(['wcc.municipality.case-events.v1']);
    // It may appear on an organisation's topic of a declared audience, never on the declared topic itself.
    expect(definition.appearsOn('wcc.municipality.to-care-provider.ggz-elders.v1')).toBe(true);
    expect(definition.appearsOn('wcc.municipality.to-care-provider.v1')).toBe(false);
    expect(definition.appearsOn('wcc.municipality.to-employer-network.wsp-rijnmond.v1')).toBe(false);
  });

  it('sends to every organisation of a type only what reveals no care, and only with a reason', () => {
    const placement = { ...spec({}, {}), topic: 'wcc.employer-network.to-insurer.v1' };
    const everyInsurer = defineIntegrationEvent({ ...placement, audiences: { insurer: { toEveryOrganisation: 'the producer does not know the insurer' } } });
    expect(everyInsurer.topicsOf(everyInsurer.example)).toEqual(['wcc.employer-network.to-insurer.v1']);
    expect(everyInsurer.appearsOn('wcc.employer-network.to-insurer.v1')).toBe(true);
    expect(everyInsurer.appearsOn('wcc.employer-network.to-insurer.achmea.v1')).toBe(false);
    expect(() => defineIntegrationEvent({ ...placement, audiences: { insurer: { toEveryOrganisation: ' ' } } })).toThrow(/without saying why/);
    expect(() =>
      defineIntegrationEvent({
        ...spec({}, {}),
        producer: 'care-provider',
        revealsCareInvolvement: 'always',
        topic: 'wcc.care-provider.case-events.v1',
        audiences: { insurer: { toEveryOrganisation: 'convenient' } },
      }),
    ).toThrow(/goes to the organisation it is addressed to, not to every insurer/);
  });

  it('refuses to address the employer network with anything that reveals care, and an audience that is its own producer', () => {
    const to = { to: () => 'wsp-rijnmond' };
    const toEmployer = { ...spec({}, {}), producer: 'municipality' as const, topic: 'wcc.municipality.case-events.v1', audiences: { 'employer-network': to } };
    expect(() => defineIntegrationEvent({ ...toEmployer, revealsCareInvolvement: 'depends-on-data' })).toThrow(
      /may reveal care involvement \('depends-on-data'\), so it is not addressed to the employer network/,
    );
    const advice = spec({ advisedRoute: field('care-summary', Type.String()) }, { advisedRoute: 'ips' });
    expect(() => defineIntegrationEvent({ ...advice, producer: 'municipality', topic: 'wcc.municipality.to-employer-network.v1', audiences: { 'employer-network': to } })).toThrow(
      /field\(s\) advisedRoute are care-summary data/,
    );
    expect(() =>
      defineIntegrationEvent({ ...spec({}, {}), revealsCareInvolvement: 'always', producer: 'care-provider', topic: 'wcc.care-provider.case-events.v1', audiences: { 'employer-network': to } }),
    ).toThrow(/not addressed to the employer network/);
    expect(() => defineIntegrationEvent({ ...spec({}, {}), audiences: { 'employer-network': to } })).toThrow(/audience 'employer-network' is its own producer/);
    expect(() => defineIntegrationEvent({ ...spec({}, {}), topic: 'wcc.employer-network.to-municipality.v1', audiences: { insurer: to } })).toThrow(/routes to municipality and no other audience/);
    expect(defineIntegrationEvent({ ...toEmployer, revealsCareInvolvement: 'never' }).topics).toEqual(['wcc.municipality.case-events.v1', 'wcc.municipality.to-employer-network.v1']);
  });

  it('refuses a top-level field without a data category', () => {
    expect(() => defineIntegrationEvent(spec({ hoursPerWeek: Type.Integer() }, { hoursPerWeek: 24 }))).toThrow(/field 'hoursPerWeek' has no data category/);
  });

  it('refuses an open object, at any depth', () => {
    const open = spec({ employer: field('work', Type.Object({ sector: Type.String() })) }, { employer: { sector: 'retail' } });
    expect(() => defineIntegrationEvent(open)).toThrow(/object at '\/employer' must set additionalProperties: false/);
  });

  it('refuses a schema without the envelope fields', () => {
    const bare = { ...spec({}, {}), schema: Type.Object({ caseId: field('administrative', Type.String()) }, { additionalProperties: false }), example: { caseId: 'x' } };
    expect(() => defineIntegrationEvent(bare)).toThrow(/required field 'clientKey' is missing/);
  });

  it('refuses an example that does not fit its own schema', () => {
    expect(() => defineIntegrationEvent(spec({ hoursPerWeek: field('work', Type.Integer({ minimum: 0 })) }, { hoursPerWeek: -1 }))).toThrow(
      /example does not fit its schema: \/hoursPerWeek must be >= 0/,
    );
  });

  it('refuses a topic of another context and a name that is not PascalCase', () => {
    expect(() => defineIntegrationEvent({ ...spec({}, {}), topic: 'wcc.insurer.case-events.v1' })).toThrow(/belongs to another context/);
    expect(() => defineIntegrationEvent({ ...spec({}, {}), name: 'placement-probed' })).toThrow(/must be PascalCase/);
  });

  it('reports every fault of a bad payload with its JSON Pointer path', () => {
    const definition = defineIntegrationEvent(
      spec(
        { startDate: field('work', Type.String({ format: 'date' })), contract: field('work', Type.Object({ hours: Type.Integer() }, { additionalProperties: false })) },
        { startDate: '2025-04-01', contract: { hours: 24 } },
      ),
    );

    const result = definition.validate({ ...envelope, clientKey: '123456789', startDate: 'tomorrow', contract: { hours: 'many' }, name: 'J. Jansen' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(['/clientKey', '/contract/hours', '/name', '/startDate']);
    expect(result.issues.find((issue) => issue.path === '/name')?.message).toBe('is not part of this event type');
  });

  it('names a missing field by its own path', () => {
    const definition = defineIntegrationEvent(spec({ startDate: field('work', Type.String({ format: 'date' })) }, { startDate: '2025-04-01' }));
    const result = definition.validate({ ...envelope });
    expect(result).toEqual({ ok: false, issues: [{ path: '/startDate', message: 'is required' }] });
  });
});

describe('integrationEventType', () => {
  it('is reverse-DNS, kebab-cased and versioned', () => {
    expect(integrationEventType('care-provider', 'ScreeningAdviceSubmitted', 2)).toBe('nl.workcarechain.care-provider.screening-advice-submitted.v2');
  });
});
