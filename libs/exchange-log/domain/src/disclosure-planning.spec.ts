import {
  careFundingGrantedV1,
  careFundingRequestedV1,
  caseAccessRefusedV1,
  caseOpenedV1,
  caseViewedV1,
  clientReferredV1,
  clientRegisteredV1,
  consentGrantedV1,
  employerNetworkReferralAcceptedV1,
  placementStartedV1,
  regieAssignedV1,
  regieTransferredV1,
  reviewActionAssignedV1,
  reviewActionClosedV1,
  screeningAdviceSubmittedV1,
  caseReviewCancelledV1,
  caseReviewHeldV1,
  caseReviewScheduledV1,
} from '@wcc/contracts';
import { describe, expect, it } from 'vitest';
import { chainEventOfFixture, fixture, story, type FixtureEvent } from './testing/chain-fixtures';
import { learn, unknownCase, type CaseKnowledge } from './case-knowledge';
import { planEventDisclosures, planOverviewDisclosure, type DisclosureIntent } from './disclosure-planning';

/** Given these events were seen, when `event` arrives, then these disclosures. */
function when(event: FixtureEvent, ...history: FixtureEvent[]): DisclosureIntent[] {
  const k = [...history, event].reduce<CaseKnowledge>((acc, f) => learn(acc, chainEventOfFixture(f)), unknownCase(story.caseId));
  return planEventDisclosures(chainEventOfFixture(event), k);
}

function summary(intents: DisclosureIntent[]) {
  return intents.map((i) => ({ to: `${i.recipient.organisationType}:${i.recipient.organisationId}`, activity: i.activity, basis: i.basis, status: i.statusCode }));
}

const opened = fixture(caseOpenedV1, { municipalityId: story.municipality });
const careReferral = fixture(clientReferredV1, {
  referralId: story.careReferralId,
  fromOrganisationId: story.municipality,
  toOrganisationId: story.careProvider,
  toOrganisationType: 'care-provider',
});
const careConsent = fixture(consentGrantedV1, {
  consentId: story.consentId,
  purpose: 'care',
  organisationTypes: ['municipality'],
  dataCategories: ['administrative', 'care-summary'],
  validFrom: '2025-03-01',
});
const advice = fixture(screeningAdviceSubmittedV1, { referralId: story.careReferralId, organisationId: story.careProvider });
const processor = { to: 'chain:wcc-case-view', activity: 'shared-case-view', basis: 'processor', status: 'OK' };

describe('planning disclosures of delivered events', () => {
  it('ClientReferred reaches the addressed care provider and the case view', () => {
    const intents = when(careReferral, opened);
    expect(summary(intents)).toEqual([{ to: `care-provider:${story.careProvider}`, activity: 'client-referral', basis: 'legal-task', status: 'OK' }, processor]);
    expect(intents[0]).toMatchObject({
      kind: 'delivered',
      name: 'deliver ClientReferred',
      sender: { organisationId: story.municipality, organisationType: 'municipality', entity: `urn:nld:oin:${story.municipality}:systeem:municipality` },
      dataCategories: ['identifying', 'administrative', 'care-summary'],
      clientKey: story.clientKey,
      caseId: story.caseId,
      cause: { eventId: careReferral.id, eventType: clientReferredV1.type, traceparent: careReferral.traceparent, time: careReferral.time },
    });
  });

  it('ScreeningAdviceSubmitted reaches the referring municipality on the covering consent', () => {
    const intents = when(advice, opened, careReferral, careConsent);
    expect(summary(intents)).toEqual([{ to: `municipality:${story.municipality}`, activity: 'screening-advice', basis: 'consent', status: 'OK' }, processor]);
    expect(intents[0]?.consentIds).toEqual([story.consentId]);
  });

  it('ScreeningAdviceSubmitted without a covering consent is still recorded, as a consent-missing finding', () => {
    const intents = when(advice, opened, careReferral);
    expect(summary(intents)[0]).toEqual({ to: `municipality:${story.municipality}`, activity: 'screening-advice', basis: 'consent-missing', status: 'OK' });
    expect(intents[0]?.consentIds).toEqual([]);
  });

  it('names an unresolved referrer instead of dropping the record when the referral was never seen', () => {
    const intents = when(advice);
    expect(summary(intents)[0]).toEqual({ to: 'municipality:unresolved', activity: 'screening-advice', basis: 'consent-missing', status: 'UNSET' });
    expect(intents[0]?.recipient.resolved).toBe(false);
  });

  it('the employer network’s answer goes back to the municipality that referred', () => {
    const matching = fixture(clientReferredV1, {
      referralId: story.matchingReferralId,
      fromOrganisationId: story.municipality,
      toOrganisationId: story.employerNetwork,
      toOrganisationType: 'employer-network',
    });
    const accepted = fixture(employerNetworkReferralAcceptedV1, { referralId: story.matchingReferralId, organisationId: story.employerNetwork });
    expect(summary(when(accepted, opened, matching))).toEqual([{ to: `municipality:${story.municipality}`, activity: 'referral-feedback', basis: 'legal-task', status: 'OK' }, processor]);
  });

  it('a funding decision goes back to the care provider that asked, not to every care provider', () => {
    const requested = fixture(careFundingRequestedV1, { fundingRequestId: story.fundingRequestId, organisationId: story.careProvider, insurerId: story.insurer });
    const otherProvider = fixture(clientReferredV1, {
      referralId: story.matchingReferralId,
      fromOrganisationId: story.municipality,
      toOrganisationId: 'ggz-elders',
      toOrganisationType: 'care-provider',
    });
    const granted = fixture(careFundingGrantedV1, { fundingRequestId: story.fundingRequestId, insurerId: story.insurer });
    expect(summary(when(granted, opened, careReferral, otherProvider, requested))).toEqual([
      { to: `care-provider:${story.careProvider}`, activity: 'care-funding', basis: 'legal-task', status: 'OK' },
      processor,
    ]);
    expect(summary(when(requested, opened, careReferral))[0]).toEqual({ to: `insurer:${story.insurer}`, activity: 'care-funding', basis: 'legal-task', status: 'OK' });
  });

  it('a placement reaches the municipality and the case’s insurer (the latter on consent)', () => {
    const requested = fixture(careFundingRequestedV1, { fundingRequestId: story.fundingRequestId, organisationId: story.careProvider, insurerId: story.insurer });
    const placed = fixture(placementStartedV1, { organisationId: story.employerNetwork });
    expect(summary(when(placed, opened, requested))).toEqual([
      { to: `municipality:${story.municipality}`, activity: 'matching-and-placement', basis: 'legal-task', status: 'OK' },
      { to: `insurer:${story.insurer}`, activity: 'work-outcome-for-insurer', basis: 'consent-missing', status: 'OK' },
      processor,
    ]);
    expect(summary(when(placed, opened)).map((s) => s.to)).toEqual([`municipality:${story.municipality}`, 'chain:wcc-case-view']);
  });

  it('the municipality’s own administration reaches only the case view; regie moving inside it discloses nothing more', () => {
    expect(summary(when(fixture(clientRegisteredV1, { municipalityId: story.municipality }), opened))).toEqual([processor]);
    const sameMunicipality = fixture(regieTransferredV1, { fromOrganisationId: story.municipality, toOrganisationId: story.municipality });
    expect(summary(when(sameMunicipality, opened))).toEqual([processor]);
    const toDelft = fixture(regieTransferredV1, { fromOrganisationId: story.municipality, toOrganisationId: story.otherMunicipality });
    expect(summary(when(toDelft, opened))[0]).toEqual({ to: `municipality:${story.otherMunicipality}`, activity: 'case-monitoring', basis: 'legal-task', status: 'OK' });
  });

  it('never records a disclosure of an organisation to itself', () => {
    const selfReferral = fixture(clientReferredV1, {
      referralId: story.careReferralId,
      fromOrganisationId: story.municipality,
      toOrganisationId: story.municipality,
      toOrganisationType: 'care-provider',
    });
    expect(summary(when(selfReferral, opened))).toEqual([processor]);
  });
});

describe('planning disclosures of MDT case reviews', () => {
  const caseWorker = { userId: 'regisseur-17', organisationId: story.municipality, organisationType: 'municipality' };
  const psychologist = { userId: 'psy-4', organisationId: story.careProvider, organisationType: 'care-provider' };
  const jobCoach = { userId: 'ips-2', organisationId: story.careProvider, organisationType: 'care-provider' };
  const accountManager = { userId: 'am-04', organisationId: story.employerNetwork, organisationType: 'employer-network' };
  const held = (attendees: object[], dataCategoriesDiscussed: string[] = ['work'], source?: string) => fixture(caseReviewHeldV1, { attendees, dataCategoriesDiscussed }, source ? { source } : {});
  const chainConsent = fixture(consentGrantedV1, {
    consentId: story.consentId,
    purpose: 'chain-coordination',
    organisationTypes: ['care-provider'],
    dataCategories: ['administrative', 'work', 'care-summary'],
    validFrom: '2025-03-01',
  });

  it('CaseReviewHeld: one disclosure to each organisation of another organisation at the table', () => {
    const intents = when(held([caseWorker, psychologist, accountManager]), opened);
    expect(summary(intents)).toEqual([
      { to: `care-provider:${story.careProvider}`, activity: 'mdt-case-review', basis: 'consent-missing', status: 'OK' },
      { to: `employer-network:${story.employerNetwork}`, activity: 'mdt-case-review', basis: 'consent-missing', status: 'OK' },
      processor,
    ]);
    expect(intents[0]).toMatchObject({ kind: 'delivered', name: 'deliver CaseReviewHeld', sender: { organisationId: story.municipality, organisationType: 'municipality' } });
  });

  it('CaseReviewHeld: the municipality’s own people at the table are no receivers, also when the source names another system id', () => {
    expect(summary(when(held([caseWorker]), opened))).toEqual([processor]);
    const otherSource = held([caseWorker, { ...caseWorker, userId: 'km-3' }], ['work'], 'urn:nld:oin:wcc-municipality:systeem:municipality');
    expect(summary(when(otherSource, opened))).toEqual([processor]);
  });

  it('CaseReviewHeld: two people of one organisation are one disclosure to it', () => {
    const intents = when(held([psychologist, jobCoach, caseWorker]), opened);
    expect(summary(intents)).toEqual([{ to: `care-provider:${story.careProvider}`, activity: 'mdt-case-review', basis: 'consent-missing', status: 'OK' }, processor]);
  });

  it('CaseReviewHeld: names the categories discussed and relies on the chain-coordination consent covering them', () => {
    const intents = when(held([caseWorker, psychologist], ['work', 'care-summary']), opened, chainConsent);
    expect(summary(intents)[0]).toEqual({ to: `care-provider:${story.careProvider}`, activity: 'mdt-case-review', basis: 'consent', status: 'OK' });
    expect(intents[0]).toMatchObject({ dataCategories: ['identifying', 'administrative', 'work', 'care-summary'], consentIds: [story.consentId] });
    // The case view received the event, not the meeting: only the event's own categories.
    expect(intents[1]?.dataCategories).toEqual(['identifying', 'administrative']);
    // A category outside the consent is a finding.
    expect(summary(when(held([caseWorker, psychologist], ['financial']), opened, chainConsent))[0]?.basis).toBe('consent-missing');
  });

  it('the other review events go to no partner’s service: only the case view receives them, as processor', () => {
    const accepted = fixture(employerNetworkReferralAcceptedV1, { referralId: story.matchingReferralId, organisationId: story.employerNetwork });
    const toGgz = fixture(reviewActionAssignedV1, { ownerUserId: 'psy-4', ownerOrganisationId: story.careProvider, ownerOrganisationType: 'care-provider' });
    expect(summary(when(toGgz, opened, careReferral, accepted))).toEqual([processor]);
    for (const definition of [caseReviewScheduledV1, reviewActionClosedV1, caseReviewCancelledV1]) {
      const overrides = definition === caseReviewScheduledV1 ? { chairOrganisationId: story.municipality } : {};
      expect(summary(when(fixture(definition, overrides), opened, careReferral, accepted)), definition.name).toEqual([processor]);
    }
    // RegieAssigned's owner remains the municipality's own.
    expect(summary(when(fixture(regieAssignedV1, { ownerOrganisationId: story.municipality }), opened))).toEqual([processor]);
  });

  it('partners met at the table are partners of the case afterwards', () => {
    const insurerAdviser = { userId: 'zv-9', organisationId: story.insurer, organisationType: 'insurer' };
    const placed = fixture(placementStartedV1, { organisationId: story.employerNetwork });
    expect(summary(when(placed, opened, held([caseWorker, insurerAdviser]))).map((s) => s.to)).toEqual([`municipality:${story.municipality}`, `insurer:${story.insurer}`, 'chain:wcc-case-view']);
  });
});

describe('planning disclosures of the case view’s records', () => {
  const viewed = fixture(caseViewedV1, {
    viewerUserId: 'am-04',
    viewerOrganisationId: story.employerNetwork,
    viewerOrganisationType: 'employer-network',
    viewerRole: 'account-manager',
    dataCategoriesShown: ['administrative', 'work'],
    producingOrganisationIds: [story.municipality, story.employerNetwork, story.careProvider],
    consentIds: [story.consentId],
  });

  it('CaseViewed: one disclosure per producing organisation of another organisation than the viewer’s', () => {
    const intents = when(viewed, opened, careReferral);
    expect(intents.map((i) => ({ from: `${i.sender.organisationType}:${i.sender.organisationId}`, to: i.recipient.organisationId, kind: i.kind, status: i.statusCode, basis: i.basis }))).toEqual([
      { from: `municipality:${story.municipality}`, to: story.employerNetwork, kind: 'viewed', status: 'OK', basis: 'consent' },
      { from: `care-provider:${story.careProvider}`, to: story.employerNetwork, kind: 'viewed', status: 'OK', basis: 'consent' },
    ]);
    expect(intents[0]).toMatchObject({
      activity: 'shared-case-view',
      via: 'urn:nld:oin:wcc-case-view:systeem:case-view',
      viewer: { userId: 'am-04', role: 'account-manager', view: 'case-summary', purpose: 'chain-coordination' },
      dataCategories: ['administrative', 'work'],
      consentIds: [story.consentId],
    });
  });

  it('CaseAccessRefused: recorded with status ERROR and no consent', () => {
    const refused = fixture(caseAccessRefusedV1, {
      viewerOrganisationId: story.employerNetwork,
      viewerOrganisationType: 'employer-network',
      refusedDataCategories: ['care-summary'],
      producingOrganisationIds: [story.careProvider],
    });
    const intents = when(refused, opened, careReferral);
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ kind: 'access-refused', statusCode: 'ERROR', basis: 'consent-missing', consentIds: [], dataCategories: ['care-summary'], name: 'refuse view of case-timeline' });
  });
});

describe('planning the disclosure of an overview', () => {
  it('is a disclosure by the exchange log to the requesting municipality', () => {
    const intent = planOverviewDisclosure({
      requestId: '3b241101-e2bb-4255-8caf-4136c566a962',
      clientKey: story.clientKey,
      caseIds: [story.caseId],
      requester: { userId: 'km-1', organisationId: story.municipality, organisationType: 'municipality', role: 'client-manager' },
      at: '2025-07-01T10:00:00.000Z',
    });
    expect(intent).toMatchObject({
      kind: 'overview-provided',
      sender: { organisationId: 'wcc-exchange-log', organisationType: 'chain' },
      recipient: { organisationId: story.municipality, organisationType: 'municipality', role: 'controller' },
      activity: 'data-subject-access',
      statusCode: 'OK',
      caseId: story.caseId,
    });
  });
});
