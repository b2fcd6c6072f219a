// Every integration event a partner publishes is classified by what its occurrence
// reveals; care providers' and insurers' events always reveal care involvement.
import { describe, expect, it } from 'vitest';
import { integrationEvents } from '@wcc/contracts';
import { caseScenario, entryOf } from '../testing/case-scenario';
import { careInvolvementRules, careRevealingItems } from './care-involvement';
import { eventKey } from './case-entry';
import { projectCase } from './case-projection';

const partnerEvents = integrationEvents.filter((d) => d.producer !== 'case-view');

describe('care involvement', () => {
  it('classifies every partner integration event explicitly', () => {
    const unclassified = partnerEvents.map((d) => eventKey(d.producer, d.name)).filter((key) => !(key in careInvolvementRules));
    expect(unclassified).toEqual([]);
  });

  it("treats all a care provider's and an insurer's events as revealing care", () => {
    for (const d of partnerEvents.filter((e) => e.producer === 'care-provider' || e.producer === 'insurer')) {
      expect(careInvolvementRules[eventKey(d.producer, d.name)], d.type).toBe('always');
    }
  });

  it('marks a referral to a care provider, not one to the employer network; an unknown event reveals care', () => {
    const scenario = caseScenario();
    const { entries } = projectCase(scenario.caseId, scenario.events.map((e) => entryOf(e)));
    const revealing = careRevealingItems(entries);
    const referrals = entries.filter((e) => e.name === 'ClientReferred');
    expect(referrals.map((r) => [r.data['toOrganisationType'], revealing.has(r.eventId)])).toEqual(
      expect.arrayContaining([
        ['care-provider', true],
        ['employer-network', false],
      ]),
    );
    expect(entries.filter((e) => e.producer === 'employer-network').every((e) => !revealing.has(e.eventId))).toBe(true);
    const unknown = { ...entries[0]!, eventId: 'x', name: 'SomethingNew' };
    expect(careRevealingItems([unknown]).has('x')).toBe(true);
  });
});
