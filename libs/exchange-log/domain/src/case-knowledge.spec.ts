import {
  careFundingRequestedV1,
  caseOpenedV1,
  clientReferredV1,
  consentGrantedV1,
  consentWithdrawnV1,
  caseReviewHeldV1,
  placementStartedV1,
  regieTransferredV1,
  reviewActionAssignedV1,
} from '@wcc/contracts';
import { describe, expect, it } from 'vitest';
import { chainEventOfFixture, fixture, sources, story } from './testing/chain-fixtures';
import { coveringConsent, learn, partnersOfType, unknownCase, type CaseKnowledge } from './case-knowledge';

function given(...events: ReturnType<typeof fixture>[]): CaseKnowledge {
  return events.reduce((k, f) => learn(k, chainEventOfFixture(f)), unknownCase(story.caseId));
}

const opened = fixture(caseOpenedV1, { municipalityId: story.municipality });
const referred = fixture(clientReferredV1, { referralId: story.careReferralId, fromOrganisationId: story.municipality, toOrganisationId: story.careProvider, toOrganisationType: 'care-provider' });
const consent = fixture(consentGrantedV1, {
  consentId: story.consentId,
  purpose: 'care',
  organisationTypes: ['municipality'],
  // Names no recipient: the case team of its types.
  recipients: undefined,
  dataCategories: ['administrative', 'care-summary'],
  validFrom: '2025-03-01',
  validTo: '2026-03-01',
});

describe('case knowledge', () => {
  it('learns the municipality, the referral and the partner it was addressed to', () => {
    const k = given(opened, referred);
    expect(k.municipalityId).toBe(story.municipality);
    expect(k.referrals[story.careReferralId]).toEqual({ fromOrganisationId: story.municipality, to: { organisationId: story.careProvider, organisationType: 'care-provider' } });
    expect(k.partners).toEqual([
      { organisationId: story.municipality, organisationType: 'municipality', since: opened.time },
      { organisationId: story.careProvider, organisationType: 'care-provider', since: referred.time },
    ]);
  });

  it('keeps when each fact began, so what held at a moment does not depend on the order the facts arrived in', () => {
    const requested = fixture(careFundingRequestedV1, { fundingRequestId: story.fundingRequestId, organisationId: story.careProvider, insurerId: story.insurer, occurredAt: '2025-03-20T09:30:00Z' });
    const placed = fixture(placementStartedV1, { organisationId: story.employerNetwork, occurredAt: '2025-04-01T09:00:00Z' });
    const inOrder = given(opened, consent, referred, requested, placed);
    const reversed = given(placed, requested, referred, consent, opened);
    expect(partnersOfType(reversed, ['insurer'], '2025-03-19T00:00:00Z')).toEqual([]);
    expect(partnersOfType(reversed, ['insurer'], '2025-03-21T00:00:00Z')).toEqual([{ organisationId: story.insurer, organisationType: 'insurer' }]);
    for (const at of ['2025-03-02T00:00:00Z', '2025-03-10T00:00:00Z', '2025-03-20T09:30:00Z', '2025-04-02T00:00:00Z']) {
      for (const types of [['municipality'], ['care-provider'], ['insurer'], ['employer-network']])
        expect(partnersOfType(reversed, types, at), `${types[0]} at ${at}`).toEqual(partnersOfType(inOrder, types, at));
      const to = { organisationId: 'any-municipality', organisationType: 'municipality' };
      expect(coveringConsent(reversed, 'care', to, ['care-summary'], at), at).toEqual(coveringConsent(inOrder, 'care', to, ['care-summary'], at));
    }
    expect(reversed.referrals).toEqual(inOrder.referrals);
    expect(reversed.fundingRequests).toEqual(inOrder.fundingRequests);
  });

  it('a consent covers nothing before it was granted, even when its validFrom lies earlier', () => {
    const late = fixture(consentGrantedV1, { ...consent.data, recipients: undefined, occurredAt: '2025-03-10T12:00:00Z', validFrom: '2025-03-01' });
    const k = given(opened, late);
    const to = { organisationId: 'any-municipality', organisationType: 'municipality' };
    expect(coveringConsent(k, 'care', to, ['care-summary'], '2025-03-10T11:59:59Z')).toBeUndefined();
    expect(coveringConsent(k, 'care', to, ['care-summary'], '2025-03-10T12:00:00Z')?.consentId).toBe(story.consentId);
  });

  it('takes the municipality from the source URN when the event names none', () => {
    const k = given(fixture(consentGrantedV1, {}, { source: 'urn:nld:oin:00000001234567890000:systeem:municipality' }));
    expect(k.municipalityId).toBe('00000001234567890000');
  });

  it('learns which care provider asked which insurer for funding, and the employer network that placed', () => {
    const k = given(
      fixture(careFundingRequestedV1, { fundingRequestId: story.fundingRequestId, organisationId: story.careProvider, insurerId: story.insurer }),
      fixture(placementStartedV1, { organisationId: story.employerNetwork }),
    );
    expect(k.fundingRequests[story.fundingRequestId]).toEqual({ careProviderId: story.careProvider, insurerId: story.insurer });
    expect(k.partners.map((p) => `${p.organisationType}:${p.organisationId}`)).toEqual([
      `care-provider:${story.careProvider}`,
      `insurer:${story.insurer}`,
      `employer-network:${story.employerNetwork}`,
    ]);
  });

  it('moves the case to the municipality regie is transferred to', () => {
    const k = given(opened, fixture(regieTransferredV1, { fromOrganisationId: story.municipality, toOrganisationId: story.otherMunicipality }));
    expect(k.municipalityId).toBe(story.otherMunicipality);
  });

  it('learns the partner organisations an MDT review sat at the table with or gave an action, not municipalities', () => {
    const k = given(
      opened,
      fixture(caseReviewHeldV1, {
        attendees: [
          { userId: 'regisseur-17', organisationId: story.municipality, organisationType: 'municipality' },
          { userId: 'km-2', organisationId: story.otherMunicipality, organisationType: 'municipality' },
          { userId: 'psy-4', organisationId: story.careProvider, organisationType: 'care-provider' },
          { userId: 'ips-2', organisationId: story.careProvider, organisationType: 'care-provider' },
        ],
      }),
      fixture(reviewActionAssignedV1, { ownerOrganisationId: story.insurer, ownerOrganisationType: 'insurer' }),
    );
    expect(k.partners.map((p) => `${p.organisationType}:${p.organisationId}`)).toEqual([`municipality:${story.municipality}`, `care-provider:${story.careProvider}`, `insurer:${story.insurer}`]);
  });

  describe('covering consent', () => {
    it('covers a disclosure of the consented categories to the consented organisation type within validity', () => {
      const k = given(opened, consent);
      expect(
        coveringConsent(k, 'care', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['identifying', 'administrative', 'care-summary'], '2025-03-14T15:45:00Z')?.consentId,
      ).toBe(story.consentId);
    });

    it('does not cover another purpose, organisation type, category or day outside validity', () => {
      const k = given(opened, consent);
      expect(coveringConsent(k, 'research', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['care-summary'], '2025-03-14T15:45:00Z')).toBeUndefined();
      expect(coveringConsent(k, 'care', { organisationId: 'any-employer-network', organisationType: 'employer-network' }, ['care-summary'], '2025-03-14T15:45:00Z')).toBeUndefined();
      expect(coveringConsent(k, 'care', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['care-summary', 'financial'], '2025-03-14T15:45:00Z')).toBeUndefined();
      expect(coveringConsent(k, 'care', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['care-summary'], '2026-03-02T00:00:00Z')).toBeUndefined();
      expect(coveringConsent(k, 'care', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['care-summary'], '2025-02-28T23:00:00Z')).toBeUndefined();
    });

    it('a consent that names recipients covers those organisations and no other of the same type', () => {
      const named = fixture(consentGrantedV1, {
        consentId: story.consentId,
        purpose: 'care',
        organisationTypes: ['municipality'],
        dataCategories: ['care-summary'],
        validFrom: '2025-03-01',
        recipients: [{ organisationId: 'gemeente-delft', organisationType: 'municipality' }],
      });
      const k = given(opened, named);
      expect(coveringConsent(k, 'care', { organisationId: 'gemeente-delft', organisationType: 'municipality' }, ['care-summary'], '2025-03-14T15:45:00Z')?.consentId).toBe(story.consentId);
      expect(coveringConsent(k, 'care', { organisationId: 'gemeente-leiden', organisationType: 'municipality' }, ['care-summary'], '2025-03-14T15:45:00Z')).toBeUndefined();
    });

    it('covers nothing from the moment it is withdrawn', () => {
      const k = given(opened, consent, fixture(consentWithdrawnV1, { consentId: story.consentId, purpose: 'care', occurredAt: '2025-06-10T14:30:00Z' }));
      expect(coveringConsent(k, 'care', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['care-summary'], '2025-06-10T14:29:59Z')?.consentId).toBe(story.consentId);
      expect(coveringConsent(k, 'care', { organisationId: 'any-municipality', organisationType: 'municipality' }, ['care-summary'], '2025-06-10T14:30:00Z')).toBeUndefined();
    });
  });

  it('ignores sources it cannot read and events of other producers it does not use', () => {
    const before = given(opened);
    expect(learn(before, { ...chainEventOfFixture(opened), producer: 'case-view' })).toBe(before);
    expect(given(fixture(consentGrantedV1, {}, { source: 'not-a-urn' })).municipalityId).toBeUndefined();
    expect(sources.municipality).toContain(story.municipality);
  });
});
