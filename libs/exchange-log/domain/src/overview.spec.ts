import { caseOpenedV1, caseViewedV1, clientReferredV1, consentGrantedV1, screeningAdviceSubmittedV1 } from '@wcc/contracts';
import { describe, expect, it } from 'vitest';
import { chainEventOfFixture, fixture, story } from './testing/chain-fixtures';
import { learn, unknownCase } from './case-knowledge';
import { planEventDisclosures } from './disclosure-planning';
import { buildRecord } from './disclosure-record';
import { chainRecords, emptyChain } from './hash-chain';
import { buildOverview } from './overview';

const subject = { ciphertext: 'v1.x.y.z', blindIndex: 'b'.repeat(64) };

function recordsOf(...events: ReturnType<typeof fixture>[]) {
  let k = unknownCase(story.caseId);
  const fields = events.flatMap((f) => {
    k = learn(k, chainEventOfFixture(f));
    return planEventDisclosures(chainEventOfFixture(f), k).map((intent) =>
      buildRecord(intent, subject, { recordedAt: Date.parse(f.time) + 1000, resource: { name: 'wcc-exchange-log', version: '0.1.0' } }),
    );
  });
  return chainRecords(emptyChain, fields);
}

describe("the citizen's overview", () => {
  const records = recordsOf(
    fixture(caseOpenedV1, { municipalityId: story.municipality }),
    fixture(clientReferredV1, { referralId: story.careReferralId, fromOrganisationId: story.municipality, toOrganisationId: story.careProvider, toOrganisationType: 'care-provider' }),
    fixture(consentGrantedV1, { consentId: story.consentId, purpose: 'care', organisationTypes: ['municipality'], dataCategories: ['administrative', 'care-summary'], validFrom: '2025-03-01' }),
    fixture(screeningAdviceSubmittedV1, { referralId: story.careReferralId, organisationId: story.careProvider }),
    fixture(caseViewedV1, {
      viewerOrganisationId: story.employerNetwork,
      viewerOrganisationType: 'employer-network',
      viewerRole: 'account-manager',
      producingOrganisationIds: [story.municipality],
      occurredAt: '2025-03-20T09:30:00Z',
    }),
  );
  const overview = buildOverview(records);

  it('lists each organisation that received or viewed the data, with counts and Dutch and English type labels', () => {
    expect(overview.organisations.map((o) => ({ id: o.organisationId, roles: o.roles, received: o.received, viewed: o.viewed }))).toEqual([
      { id: 'wcc-case-view', roles: ['processor'], received: 4, viewed: 0 },
      { id: story.careProvider, roles: ['controller'], received: 1, viewed: 0 },
      { id: story.municipality, roles: ['controller'], received: 1, viewed: 0 },
      { id: story.employerNetwork, roles: ['controller'], received: 0, viewed: 1 },
    ]);
    expect(overview.organisations[1]?.typeLabel).toEqual({ nl: 'GGZ-zorgaanbieder', en: 'mental-health care provider' });
  });

  it('says per entry when, who, from whom, why and on which basis, in both languages', () => {
    const advice = overview.entries.find((e) => e.why.processingActivityId === 'screening-advice')!;
    expect(advice).toMatchObject({
      at: '2025-03-14T15:45:00.000Z',
      what: { code: 'delivered', label: { nl: 'ontving gegevens', en: 'received data' } },
      outcome: { code: 'OK' },
      organisation: { organisationId: story.municipality, organisationType: 'municipality', role: 'controller' },
      from: { organisationId: story.careProvider, organisationType: 'care-provider' },
      why: { name: { nl: expect.stringContaining('screeningsadvies') as unknown, en: expect.stringContaining('screening advice') as unknown } },
      basis: { legalBasis: expect.arrayContaining(['AVG art. 9(2)(a)']) as unknown, consentIds: [story.consentId] },
    });
    expect(advice.dataCategories.map((c) => c.code)).toEqual(['identifying', 'administrative', 'care-summary']);
    expect(advice.dataCategories[2]?.label.nl).toContain('nooit een diagnose');
    expect(overview.entries.map((e) => e.at)).toEqual([...overview.entries.map((e) => e.at)].sort());
  });
});
