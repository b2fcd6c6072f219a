// Given a case's items, then its team: who takes part, since when, until when and why.
import { describe, expect, it } from 'vitest';
import { careClaimSubmittedV1, clientDischargedV1, referralDeclinedV1 } from '@wcc/contracts';
import { caseScenario, entryOf, organisations } from './testing/case-scenario';
import { projectCase } from './case-projection';
import { caseTeamOf } from './case-team';

const scenario = caseScenario();
const entries = () => scenario.events.map((e) => entryOf(e));
const teamOf = (events: ReturnType<typeof entries>) => caseTeamOf(projectCase(scenario.caseId, events).entries);
const byName = (name: string) => scenario.events.find((e) => e.definition.name === name)!;

describe('the case team', () => {
  it('holds the municipality, the organisations referred to, the insurer named in a funding request', () => {
    const team = teamOf(entries());
    for (const id of Object.values(organisations)) expect(team.isMember(id), id).toBe(true);
    expect(team.membersOfType('care-provider')).toEqual([organisations.careProvider]);
    const basis = Object.fromEntries(team.memberships.map((m) => [m.organisationId, m.basis]));
    expect(basis).toMatchObject({
      [organisations.municipality]: 'case-municipality',
      [organisations.careProvider]: 'referral-accepted',
      [organisations.insurer]: 'funder',
    });
  });

  it('keeps out every other organisation, of every type', () => {
    const team = teamOf(entries());
    for (const outsider of ['gemeente-delft', 'ggz-noord-holland-noord', 'achmea', 'wsp-noord-holland-noord']) expect(team.isMember(outsider)).toBe(false);
  });

  it('makes a referred organisation a candidate until it answers, and lets it go when it declines', () => {
    const referral = byName('ClientReferred');
    const candidateOnly = teamOf([entryOf(byName('ClientRegistered')), entryOf(referral)]);
    expect(candidateOnly.memberships.find((m) => m.organisationId === organisations.careProvider)).toMatchObject({ basis: 'referral-candidate', until: null });

    const declined = entryOf({
      id: '0d0d0d0d-0000-4000-8000-000000000001',
      definition: referralDeclinedV1,
      data: {
        caseId: scenario.caseId,
        clientKey: scenario.clientKey,
        occurredAt: '2025-03-05T10:00:00Z',
        referralId: referral.data['referralId'],
        organisationId: organisations.careProvider,
        reasonCode: 'no-capacity',
        reason: 'Geen plek.',
      },
    });
    const team = teamOf([entryOf(byName('ClientRegistered')), entryOf(referral), declined]);
    expect(team.isMember(organisations.careProvider)).toBe(false);
    expect(team.memberships.find((m) => m.organisationId === organisations.careProvider)).toMatchObject({ until: '2025-03-05T10:00:00Z', endedBy: 'referral-declined' });
  });

  it('lets the care provider go when it discharges the client, and takes it back when it acts on the case again', () => {
    const careEvent = (id: string, definition: typeof clientDischargedV1 | typeof careClaimSubmittedV1, occurredAt: string, data: Record<string, unknown>) =>
      entryOf({
        id,
        definition,
        data: { ...(definition.example as Record<string, unknown>), caseId: scenario.caseId, clientKey: scenario.clientKey, occurredAt, organisationId: organisations.careProvider, ...data },
      });
    const discharged = careEvent('0d0d0d0d-0000-4000-8000-000000000002', clientDischargedV1, '2025-10-01T10:00:00Z', { referralId: scenario.careReferralId, dischargedOn: '2025-10-01' });
    const team = teamOf([...entries(), discharged]);
    expect(team.isMember(organisations.careProvider)).toBe(false);
    expect(team.membersOfType('care-provider')).toEqual([]);
    expect(team.memberships.find((m) => m.organisationId === organisations.careProvider)).toMatchObject({ basis: 'referral-accepted', until: '2025-10-01T10:00:00Z', endedBy: 'client-discharged' });
    for (const id of [organisations.municipality, organisations.insurer, organisations.employerNetwork]) expect(team.isMember(id), id).toBe(true);

    const claimAfterwards = careEvent('0d0d0d0d-0000-4000-8000-000000000003', careClaimSubmittedV1, '2025-10-15T10:00:00Z', { fundingRequestId: scenario.fundingRequestId });
    const later = teamOf([...entries(), discharged, claimAfterwards]);
    expect(later.isMember(organisations.careProvider)).toBe(true);
    expect(later.memberships.filter((m) => m.organisationId === organisations.careProvider).map((m) => [m.basis, m.endedBy])).toEqual([
      ['referral-accepted', 'client-discharged'],
      ['producer', null],
    ]);
  });

  it('does not depend on the order the items arrived in', () => {
    const forward = teamOf(entries()).memberships;
    for (let i = 0; i < 10; i++) {
      const shuffled = [...entries()].sort(() => Math.random() - 0.5);
      expect(teamOf(shuffled).memberships).toEqual(forward);
    }
  });
});
