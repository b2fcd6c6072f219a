import { findIntegrationEvent, integrationEvents } from '@wcc/contracts';
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

  it('says who receives an MDT review: the organisations at the table, an action’s owner, else the case’s partners', () => {
    expect(registerEntryFor('nl.workcarechain.municipality.case-review-held.v1')?.disclosures).toEqual([
      { to: { kind: 'attendees', field: 'attendees' }, activity: 'mdt-case-review', categoriesField: 'dataCategoriesDiscussed' },
    ]);
    expect(registerEntryFor('nl.workcarechain.municipality.review-action-assigned.v1')?.disclosures).toEqual([
      { to: { kind: 'addressee', idField: 'ownerOrganisationId', typeField: 'ownerOrganisationType' }, activity: 'mdt-case-review' },
    ]);
    for (const name of ['case-review-scheduled', 'review-action-closed', 'case-review-cancelled']) {
      expect(registerEntryFor(`nl.workcarechain.municipality.${name}.v1`)?.disclosures, name).toEqual([
        { to: { kind: 'case-partners', organisationTypes: ['care-provider', 'employer-network', 'insurer'] }, activity: 'mdt-case-review' },
      ]);
    }
  });

  it('sends everything to the case view as processor except the case view’s own records', () => {
    for (const entry of disclosureRegister) expect(entry.toCaseViewProcessor, entry.type).toBe(entry.producer !== 'case-view');
    expect(registerEntryFor('nl.workcarechain.case-view.case-viewed.v1')?.caseViewProtocol).toBe('viewed');
    expect(registerEntryFor('nl.workcarechain.case-view.case-access-refused.v1')?.caseViewProtocol).toBe('refused');
  });
});
