// Every integration event a partner publishes declares what its occurrence reveals;
// where the data decides, the case view has a rule, and nowhere else.
import { describe, expect, it } from 'vitest';
import { integrationEvents } from '@wcc/contracts';
import { caseScenario, entryOf } from './testing/case-scenario';
import { careInvolvementDataRules, careRevealingItems } from './care-involvement';
import { eventKey } from './case-entry';
import { projectCase } from './case-projection';

const partnerEvents = integrationEvents.filter((d) => d.producer !== 'case-view');

describe('care involvement', () => {
  it('has a data rule for exactly the events whose contract says it depends on the data', () => {
    const depending = partnerEvents.filter((d) => d.revealsCareInvolvement === 'depends-on-data').map((d) => eventKey(d.producer, d.name));
    expect(Object.keys(careInvolvementDataRules).sort()).toEqual([...new Set(depending)].sort());
  });

  it("declares all a care provider's and an insurer's events as revealing care", () => {
    for (const d of partnerEvents.filter((e) => e.producer === 'care-provider' || e.producer === 'insurer')) expect(d.revealsCareInvolvement, d.type).toBe('always');
  });

  it('marks a referral to a care provider, not one to the employer network; an unknown event reveals care', () => {
    const scenario = caseScenario();
    const { entries } = projectCase(
      scenario.caseId,
      scenario.events.map((e) => entryOf(e)),
    );
    const revealing = careRevealingItems(entries);
    const referrals = entries.filter((e) => e.name === 'ClientReferred');
    expect(referrals.map((r) => [r.data['toOrganisationType'], revealing.has(r.eventId)])).toEqual(
      expect.arrayContaining([
        ['care-provider', true],
        ['employer-network', false],
      ]),
    );
    expect(entries.filter((e) => e.producer === 'care-provider' || e.producer === 'insurer').every((e) => revealing.has(e.eventId))).toBe(true);
    expect(entries.filter((e) => e.producer === 'employer-network').every((e) => !revealing.has(e.eventId))).toBe(true);
    const unknown = { ...entries[0]!, eventId: 'x', type: 'nl.workcarechain.municipality.something-new.v1', name: 'SomethingNew' };
    expect(careRevealingItems([unknown]).has('x')).toBe(true);
  });
});
