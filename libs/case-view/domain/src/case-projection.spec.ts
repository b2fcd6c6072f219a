// Given a case's integration events, then these rows: the resolved parties, the
// consents and the summary. And the same rows whatever order the events came in.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  careClaimSettledV1,
  careClaimSubmittedV1,
  caseClosedV1,
  caseReviewCancelledV1,
  caseReviewHeldV1,
  caseReviewScheduledV1,
  reviewActionAssignedV1,
  reviewActionClosedV1,
  droppedOutV1,
  placementEndedV1,
  placementReviewedV1,
  placementStartedV1,
  referralDeclinedV1,
} from '@wcc/contracts';
import { caseScenario, entryOf, organisations, type ScenarioEvent } from './testing/case-scenario';
import { type CaseEntry } from './case-entry';
import { projectCase } from './case-projection';
import { isActionOverdue, isReferralOverdue } from './case-summary';

const scenario = caseScenario();
const entries = scenario.events.map((e) => entryOf(e));

function extra(base: ScenarioEvent, definition: ScenarioEvent['definition'], occurredAt: string, data: Record<string, unknown>): CaseEntry {
  return entryOf({ id: randomUUID(), definition, data: { ...(definition.example as Record<string, unknown>), caseId: base.data['caseId'], clientKey: base.data['clientKey'], occurredAt, ...data } });
}

describe('projectCase: given the four organisations’ events, then the summary row', () => {
  const { summary, entries: resolved, consents } = projectCase(scenario.caseId, entries);

  it('knows the client, the municipality and who holds regie', () => {
    expect(summary).toMatchObject({
      caseId: scenario.caseId,
      clientKey: scenario.clientKey,
      municipalityId: organisations.municipality,
      regie: { ownerUserId: 'regisseur-17', ownerOrganisationId: organisations.municipality, since: '2025-03-03T09:05:00Z' },
      itemCount: scenario.events.length,
      lastItemAt: '2025-09-03T10:00:00Z',
    });
  });

  it('follows the phase from registration to work', () => {
    expect(summary.phase).toBe('working');
    expect(projectCase(scenario.caseId, entries.slice(0, 6)).summary.phase).toBe('referred');
    expect(projectCase(scenario.caseId, entries.slice(0, 8)).summary.phase).toBe('screening');
    expect(projectCase(scenario.caseId, entries.slice(0, 9)).summary.phase).toBe('advised');
    expect(projectCase(scenario.caseId, entries.slice(0, 15)).summary.phase).toBe('matching');
  });

  it('shows the latest ladder rung and ZRM with their trend', () => {
    expect(summary.ladder).toEqual({
      latest: { moment: '6-months', measuredOn: '2025-09-03', ladderRung: 5, growthPotential: true, zrmAverage: 3.36 },
      previousRung: 2,
      trend: 'up',
    });
    expect(summary.zrm).toEqual({ latestAverage: 3.36, previousAverage: 3.36, trend: 'same' });
  });

  it('lists referrals with deadline and answer; an unanswered one past its deadline is overdue', () => {
    expect(summary.referrals).toEqual([
      expect.objectContaining({
        referralId: scenario.careReferralId,
        toOrganisationId: organisations.careProvider,
        route: 'ggz-screening',
        replyDeadline: '2025-03-17',
        status: 'accepted',
        answeredBy: organisations.careProvider,
      }),
      expect.objectContaining({ referralId: scenario.matchingReferralId, toOrganisationType: 'employer-network', status: 'accepted', answeredAt: '2025-03-26T11:00:00Z' }),
    ]);
    const beforeAnswer = projectCase(scenario.caseId, entries.slice(0, 6)).summary.referrals[0]!;
    expect(beforeAnswer.status).toBe('open');
    expect(isReferralOverdue(beforeAnswer, '2025-03-17')).toBe(false);
    expect(isReferralOverdue(beforeAnswer, '2025-03-18')).toBe(true);
    expect(summary.referrals.some((r) => isReferralOverdue(r, '2030-01-01'))).toBe(false);
  });

  it('keeps a decline with its reason for the referrer', () => {
    const declined = extra(scenario.events[6]!, referralDeclinedV1, '2025-03-05T12:00:00Z', { referralId: scenario.careReferralId, organisationId: organisations.careProvider });
    const referral = projectCase(scenario.caseId, [...entries.slice(0, 6), declined]).summary.referrals[0];
    expect(referral).toMatchObject({ status: 'declined', declineReasonCode: 'no-capacity', declineReason: expect.stringContaining('No screening capacity') as unknown });
  });

  it('holds the latest screening advice, IPS-free treatment flag and funding status', () => {
    expect(summary.screeningAdvice).toMatchObject({
      advisedRoute: 'ips',
      workCapacityHoursPerWeek: 16,
      contraIndications: false,
      reviewDate: '2025-06-14',
      organisationId: organisations.careProvider,
    });
    expect(summary.inTreatment).toBe(true);
    expect(summary.funding).toEqual({
      status: 'granted',
      requests: [
        expect.objectContaining({
          fundingRequestId: scenario.fundingRequestId,
          insurerId: organisations.insurer,
          decision: 'granted',
          grantedUnits: 8,
          grantedAmountCents: 73600,
          requestedAmountCents: 73600,
        }),
      ],
    });
  });

  it('settles claims against the funding request', () => {
    const claimId = randomUUID();
    const submitted = extra(scenario.events[0]!, careClaimSubmittedV1, '2025-05-01T09:00:00Z', {
      claimId,
      fundingRequestId: scenario.fundingRequestId,
      organisationId: organisations.careProvider,
      insurerId: organisations.insurer,
    });
    const settled = extra(scenario.events[0]!, careClaimSettledV1, '2025-05-02T09:00:00Z', { claimId, fundingRequestId: scenario.fundingRequestId, insurerId: organisations.insurer });
    const funding = projectCase(scenario.caseId, [...entries, submitted, settled]).summary.funding;
    expect(funding.status).toBe('settled');
    expect(funding.requests[0]?.claims).toEqual([{ claimId, amountCents: 73600, status: 'settled', settledAmountCents: 36800, rejectionReason: null }]);
  });

  it('numbers placements; job loss reopens matching and the next job is the second', () => {
    const base = scenario.events[0]!;
    const reviewed = extra(base, placementReviewedV1, '2025-07-01T10:00:00Z', { placementId: scenario.placementId, organisationId: organisations.employerNetwork });
    const ended = extra(base, placementEndedV1, '2025-10-01T16:00:00Z', { placementId: scenario.placementId, organisationId: organisations.employerNetwork });
    const afterLoss = projectCase(scenario.caseId, [...entries, reviewed, ended]).summary;
    expect(afterLoss.phase).toBe('matching');
    expect(afterLoss.placements).toEqual([
      expect.objectContaining({ placementId: scenario.placementId, sequence: 1, status: 'ended', lastReviewMonth: 3, stillWorking: true, endReason: 'contract-not-renewed' }),
    ]);
    const second = extra(base, placementStartedV1, '2025-11-01T09:00:00Z', { placementId: randomUUID(), organisationId: organisations.employerNetwork, sequence: 2 });
    const rehired = projectCase(scenario.caseId, [...entries, reviewed, ended, second]).summary;
    expect(rehired.phase).toBe('working');
    expect(rehired.placements.map((p) => [p.sequence, p.status])).toEqual([
      [1, 'ended'],
      [2, 'working'],
    ]);
  });

  it('ends with dropout, and closure after dropout wins', () => {
    const base = scenario.events[0]!;
    const dropped = extra(base, droppedOutV1, '2025-10-02T10:00:00Z', {});
    const closed = extra(base, caseClosedV1, '2025-10-03T10:00:00Z', { reasonCode: 'dropped-out' });
    expect(projectCase(scenario.caseId, [...entries, dropped]).summary).toMatchObject({
      phase: 'dropped-out',
      ending: { kind: 'dropped-out', phase: 'assessment', reasonCode: 'care-advice', on: '2025-05-19' },
    });
    expect(projectCase(scenario.caseId, [...entries, dropped, closed]).summary).toMatchObject({ phase: 'closed', ending: { kind: 'closed', phase: 'assessment', reasonCode: 'dropped-out' } });
  });

  it('holds MDT reviews and actions; an open action past its due date is overdue', () => {
    const base = scenario.events[0]!;
    const reviewId = randomUUID();
    const actionId = randomUUID();
    const more = [
      extra(base, caseReviewScheduledV1, '2025-04-01T08:00:00Z', { reviewId, scheduledFor: '2025-04-08T13:00:00Z' }),
      extra(base, caseReviewHeldV1, '2025-04-08T15:00:00Z', {
        reviewId,
        heldOn: '2025-04-08',
        attendees: [
          { userId: 'regisseur-17', organisationId: organisations.municipality, organisationType: 'municipality' },
          { userId: 'ips-coach-17', organisationId: organisations.careProvider, organisationType: 'care-provider' },
        ],
      }),
      extra(base, reviewActionAssignedV1, '2025-04-08T15:05:00Z', {
        reviewId,
        actionId,
        ownerUserId: 'am-04',
        ownerOrganisationId: organisations.employerNetwork,
        ownerOrganisationType: 'employer-network',
        dueDate: '2025-04-22',
      }),
    ];
    const projected = projectCase(scenario.caseId, [...entries, ...more]);
    expect(projected.summary.reviews).toEqual([
      {
        reviewId,
        status: 'held',
        scheduledFor: '2025-04-08T13:00:00Z',
        chairUserId: 'regisseur-17',
        heldOn: '2025-04-08',
        attendees: [
          { userId: 'regisseur-17', organisationId: organisations.municipality, organisationType: 'municipality' },
          { userId: 'ips-coach-17', organisationId: organisations.careProvider, organisationType: 'care-provider' },
        ],
        dataCategoriesDiscussed: ['work', 'care-summary'],
        decisionCount: 2,
        cancellationReasonCode: null,
      },
    ]);
    const action = projected.summary.actions[0]!;
    expect(action).toEqual({
      actionId,
      reviewId,
      ownerUserId: 'am-04',
      ownerOrganisationId: organisations.employerNetwork,
      ownerOrganisationType: 'employer-network',
      dueDate: '2025-04-22',
      status: 'open',
      closedOn: null,
      outcome: null,
    });
    expect(isActionOverdue(action, '2025-04-23')).toBe(true);
    expect(isActionOverdue(action, '2025-04-22')).toBe(false);
    // Attendees took part in the review; the owner was told of the action.
    expect(projected.entries.find((e) => e.name === 'CaseReviewHeld')?.addresseeOrganisationIds).toEqual([organisations.careProvider]);
    expect(projected.entries.find((e) => e.name === 'ReviewActionAssigned')?.addresseeOrganisationIds).toEqual([organisations.employerNetwork]);

    const closed = extra(base, reviewActionClosedV1, '2025-04-20T10:00:00Z', { reviewId, actionId, closedOn: '2025-04-20' });
    const afterClose = projectCase(scenario.caseId, [...entries, ...more, closed]);
    expect(afterClose.summary.actions[0]).toMatchObject({ status: 'closed', closedOn: '2025-04-20', outcome: 'done', dueDate: '2025-04-22' });
    expect(afterClose.entries.find((e) => e.name === 'ReviewActionClosed')?.addresseeOrganisationIds).toEqual([organisations.employerNetwork]);
    expect(isActionOverdue(afterClose.summary.actions[0]!, '2026-01-01')).toBe(false);
  });

  it('marks a scheduled review cancelled, never one that was held', () => {
    const base = scenario.events[0]!;
    const reviewId = randomUUID();
    const scheduled = extra(base, caseReviewScheduledV1, '2025-04-01T08:00:00Z', { reviewId });
    const cancelled = extra(base, caseReviewCancelledV1, '2025-04-02T08:00:00Z', { reviewId });
    expect(projectCase(scenario.caseId, [...entries, scheduled, cancelled]).summary.reviews[0]).toMatchObject({ status: 'cancelled', cancellationReasonCode: 'rescheduled' });
    const held = extra(base, caseReviewHeldV1, '2025-04-01T15:00:00Z', { reviewId });
    expect(projectCase(scenario.caseId, [...entries, scheduled, held, cancelled]).summary.reviews[0]).toMatchObject({ status: 'held', decisionCount: 2 });
  });

  it('resolves who produced each item and to whom it was addressed', () => {
    const parties = (name: string, producer: string) => {
      const e = resolved.find((r) => r.name === name && r.producer === producer)!;
      return [e.producerOrganisationId, e.addresseeOrganisationIds];
    };
    expect(parties('ConsentGranted', 'municipality')).toEqual([organisations.municipality, []]);
    expect(resolved.filter((r) => r.name === 'ClientReferred').map((r) => r.addresseeOrganisationIds)).toEqual([[organisations.careProvider], [organisations.employerNetwork]]);
    expect(parties('ReferralAccepted', 'care-provider')).toEqual([organisations.careProvider, [organisations.municipality]]);
    expect(parties('ScreeningAdviceSubmitted', 'care-provider')).toEqual([organisations.careProvider, [organisations.municipality]]);
    expect(parties('TreatmentEpisodeStarted', 'care-provider')).toEqual([organisations.careProvider, []]);
    expect(parties('CareFundingRequested', 'care-provider')).toEqual([organisations.careProvider, [organisations.insurer]]);
    expect(parties('CareFundingGranted', 'insurer')).toEqual([organisations.insurer, [organisations.careProvider]]);
    expect(parties('PlacementStarted', 'employer-network')).toEqual([organisations.employerNetwork, [organisations.municipality]]);
    expect(parties('ParticipationMeasured', 'municipality')).toEqual([organisations.municipality, []]);
  });

  it('derives the consents, and a withdrawal wins whatever order it arrives in', () => {
    expect(consents).toEqual([
      {
        consentId: scenario.consentId,
        purpose: 'chain-coordination',
        recipients: null,
        disclosesIpsParticipation: false,
        organisationTypes: ['municipality', 'care-provider', 'employer-network'],
        dataCategories: ['identifying', 'administrative', 'work'],
        validFrom: '2025-03-03',
        validTo: null,
        grantedAt: '2025-03-03T09:10:00Z',
        withdrawnAt: null,
      },
    ]);
    const withdrawal = entryOf(scenario.withdrawal());
    for (const order of [
      [...entries, withdrawal],
      [withdrawal, ...entries],
    ]) {
      expect(projectCase(scenario.caseId, order).consents[0]).toMatchObject({ grantedAt: '2025-03-03T09:10:00Z', withdrawnAt: '2025-10-01T09:00:00Z' });
    }
  });
});

describe('projectCase is a function of the set of events', () => {
  it('yields the same rows for every arrival order (two topics have no shared order)', () => {
    const expected = projectCase(scenario.caseId, entries);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 25; round++) {
      const shuffled = [...entries].sort(() => random() - 0.5);
      expect(projectCase(scenario.caseId, shuffled)).toEqual(expected);
    }
  });

  it('an answer that arrives before its referral is still attributed to the referrer', () => {
    const answerFirst = [entries[6]!, ...entries.slice(0, 6)];
    const answer = projectCase(scenario.caseId, answerFirst).entries.find((e) => e.name === 'ReferralAccepted')!;
    expect(answer.addresseeOrganisationIds).toEqual([organisations.municipality]);
  });
});
