import { audienceOfTopic, chainTopics, findIntegrationEvent, integrationEvents } from '@wcc/contracts';
import { describe, expect, it } from 'vitest';
import { disclosureRegister, registerEntryFor } from './disclosure-register';

describe('disclosure register', () => {
  it('has an entry for every integration event the chain declares, so no new event goes out unprotocolled', () => {
    const missing = integrationEvents.filter((d) => registerEntryFor(d.type) === undefined).map((d) => d.type);
    expect(missing).toEqual([]);
  });

  it('lists only types that a contract declares, each once', () => {
    const types = disclosureRegister.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(findIntegrationEvent(type), type).toBeDefined();
  });

  it('says who receives the agreed crossings', () => {
    expect(registerEntryFor('nl.workcarechain.municipality.client-referred.v1')?.disclosures).toEqual([
      { to: { kind: 'addressee', idField: 'toOrganisationId', typeField: 'toOrganisationType' }, activity: 'client-referral' },
    ]);
    expect(registerEntryFor('nl.workcarechain.care-provider.screening-advice-submitted.v1')?.disclosures).toEqual([{ to: { kind: 'referrer' }, activity: 'screening-advice' }]);
    expect(registerEntryFor('nl.workcarechain.employer-network.placement-started.v1')?.disclosures.map((d) => d.to)).toEqual([
      { kind: 'case-partners', organisationTypes: ['municipality'] },
      { kind: 'case-partners', organisationTypes: ['insurer'] },
    ]);
    expect(registerEntryFor('nl.workcarechain.insurer.care-funding-granted.v1')?.disclosures).toEqual([{ to: { kind: 'funding-requester' }, activity: 'care-funding' }]);
  });

  it('says who receives an MDT review: the organisations at the table; the other review events go to no partner’s service', () => {
    expect(registerEntryFor('nl.workcarechain.municipality.case-review-held.v1')?.disclosures).toEqual([
      { to: { kind: 'attendees', field: 'attendees' }, activity: 'mdt-case-review', categoriesField: 'dataCategoriesDiscussed' },
    ]);
    for (const name of ['case-review-scheduled', 'review-action-assigned', 'review-action-closed', 'case-review-cancelled']) {
      expect(registerEntryFor(`nl.workcarechain.municipality.${name}.v1`)?.disclosures, name).toEqual([]);
    }
  });

  it('sends everything on a chain topic to the case view as processor except the case view’s own records', () => {
    for (const entry of disclosureRegister) {
      const onChainTopic = (chainTopics as readonly string[]).includes(findIntegrationEvent(entry.type)!.topic);
      expect(entry.toCaseViewProcessor, entry.type).toBe(entry.producer !== 'case-view' && onChainTopic);
    }
    expect(registerEntryFor('nl.workcarechain.case-view.case-viewed.v1')?.caseViewProtocol).toBe('viewed');
    expect(registerEntryFor('nl.workcarechain.case-view.case-access-refused.v1')?.caseViewProtocol).toBe('refused');
  });

  it('names, for every event the bus delivers to a partner’s service, a disclosure that can reach that partner', () => {
    for (const definition of integrationEvents) {
      const audiences = definition.topics.map(audienceOfTopic).filter((a) => a !== undefined);
      if (audiences.length === 0) continue;
      const entry = audienceOfTopic(definition.topic) ? registerEntryFor(`nl.workcarechain.${twins[definition.name]!}.v1`) : registerEntryFor(definition.type);
      const covered = new Set(entry!.disclosures.flatMap((d) => reachable(d.to)));
      for (const audience of audiences) expect(covered.has(audience), `${definition.type} → ${audience}`).toBe(true);
    }
  });

  it('records a delivery only where one happens: on an audience topic, inside the producing service, or at the MDT table', () => {
    const deliveredTo = new Map<string, Set<string>>();
    for (const definition of integrationEvents) {
      const recordedAs = audienceOfTopic(definition.topic) ? `nl.workcarechain.${twins[definition.name]!}.v1` : definition.type;
      const set = deliveredTo.get(recordedAs) ?? new Set<string>();
      for (const topic of definition.topics) {
        const audience = audienceOfTopic(topic);
        if (audience) set.add(audience);
      }
      deliveredTo.set(recordedAs, set);
    }
    const claimed: string[] = [];
    for (const entry of disclosureRegister) {
      for (const rule of entry.disclosures) {
        if (rule.to.kind === 'attendees') continue; // disclosed by people at the meeting the event records
        for (const type of reachable(rule.to, entry.type)) {
          if (type === entry.producer) continue; // another organisation served by the same service
          if (!deliveredTo.get(entry.type)?.has(type)) claimed.push(`${entry.type} → ${type}`);
        }
      }
    }
    expect(claimed).toEqual([]);
  });
});

// An audience-only copy is recorded from its chain twin.
const twins: Record<string, string> = {
  ClientReferredForMatching: 'municipality.client-referred',
  ClientStartedWork: 'employer-network.placement-started',
  ClientLeftWork: 'employer-network.placement-ended',
};

/** What each recipient rule can resolve to; an addressee's type field by the values its contract allows. */
function reachable(rule: (typeof disclosureRegister)[number]['disclosures'][number]['to'], type?: string): readonly string[] {
  switch (rule.kind) {
    case 'referrer':
      return ['municipality'];
    case 'named-insurer':
      return ['insurer'];
    case 'funding-requester':
      return ['care-provider'];
    case 'case-partners':
      return rule.organisationTypes;
    case 'addressee': {
      if (rule.organisationType) return [rule.organisationType];
      const allowed = type && rule.typeField ? (findIntegrationEvent(type)?.schema.properties[rule.typeField] as { enum?: string[] } | undefined)?.enum : undefined;
      return allowed ?? ['municipality', 'care-provider', 'employer-network', 'insurer'];
    }
    case 'attendees':
      return ['municipality', 'care-provider', 'employer-network', 'insurer'];
  }
}
