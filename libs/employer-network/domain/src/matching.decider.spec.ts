import { describe, expect, it } from 'vitest';
import { isDomainError } from '@wcc/domain-kit';
import type { EmployerSnapshot } from './employer.decider';
import { newIdFor } from './ids';
import type { MatchingCommand, StartPlacement } from './matching.commands';
import { matchingDecider, type MatchingState } from './matching.decider';
import type { MatchingEvent, PlacementStarted } from './matching.events';
import { clientManager, given, metadataOf, otherAccountManager } from './test-support';

const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8s';
const referralId = '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69';
const ref = { caseId, clientKey, organisationId: 'wsp-rijnmond', referralId };
const employerId = '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f';
const vacancyId = 'b1c2d3e4-0000-4000-8000-000000000001';

const employer: EmployerSnapshot = {
  employerId,
  organisationId: 'wsp-rijnmond',
  name: 'Bakkerij De Korenschoof',
  vacancies: {
    [vacancyId]: { vacancyId, role: 'baker assistant', status: 'open' },
    'closed-vacancy': { vacancyId: 'closed-vacancy', role: 'driver', status: 'closed' },
  },
};

const receive: MatchingCommand = {
  type: 'ReceiveReferral',
  data: { caseId, clientKey, referralId, fromOrganisationId: 'gemeente-rotterdam', toOrganisationId: 'wsp-rijnmond', reason: 'Ready for work; wants a job in food.', replyDeadline: '2025-06-15' },
};
const referred: MatchingEvent = {
  type: 'ReferralReceived',
  data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', reason: 'Ready for work; wants a job in food.', replyDeadline: '2025-06-15' },
};
const accepted: MatchingEvent = { type: 'ReferralAccepted', data: { ...ref } };
const declined: MatchingEvent = { type: 'ReferralDeclined', data: { ...ref, reasonCode: 'no-capacity', reason: 'No account manager free this quarter.' } };

const start = (over: Partial<StartPlacement['data']> = {}): StartPlacement => ({
  type: 'StartPlacement',
  data: {
    employerId,
    employer,
    vacancyId,
    role: 'baker assistant',
    contractType: 'temporary-6m',
    hoursPerWeek: 20,
    grossHourlyWageCents: 1416,
    wageValuePercent: 70,
    wageSubsidy: true,
    jobCoach: true,
    startDate: '2025-03-01',
    ...over,
  },
});

function placementStarted(placementId: string, sequence: number, startDate: string): PlacementStarted {
  const { employer: _snapshot, ...terms } = start({ startDate }).data;
  return { type: 'PlacementStarted', data: { ...ref, ...terms, employerName: employer.name, placementId, sequence } };
}
const firstJob = placementStarted('p-1', 1, '2025-03-01');
const firstJobLost: MatchingEvent = { type: 'PlacementEnded', data: { ...ref, placementId: 'p-1', endDate: '2025-04-30', reason: 'contract-not-renewed' } };

/** Runs commands one after the other on the real decider, as the handler would. */
function run(commands: readonly MatchingCommand[], history: readonly MatchingEvent[] = []): { events: MatchingEvent[]; state: MatchingState } {
  const events = [...history];
  let state = events.reduce((s, e) => matchingDecider.evolve(s, e), matchingDecider.initialState());
  commands.forEach((command, i) => {
    const decided = matchingDecider.decide(command, state, metadataOf(`run-${i}`));
    if (isDomainError(decided)) throw new Error(`${command.type}: ${decided.code}`);
    for (const event of decided) {
      events.push(event);
      state = matchingDecider.evolve(state, event);
    }
  });
  return { events, state };
}

describe('matching decider', () => {
  describe('ReceiveReferral (from the municipality’s ClientReferred)', () => {
    const fromMunicipality = metadataOf('ce-1', clientManager);

    it('opens matching for the organisation referred to, keeping only what matching needs', () => {
      const events = given(matchingDecider, []).when(receive, fromMunicipality);
      expect(events).toEqual([referred]);
      expect(Object.keys((events as MatchingEvent[])[0]!.data)).not.toContain('route');
    });
    it('ignores the same referral delivered again', () => {
      expect(given(matchingDecider, [referred, accepted]).when(receive, fromMunicipality)).toEqual([]);
    });
    it('refuses another referral while matching is open', () => {
      const other = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
      expect(given(matchingDecider, [referred, accepted]).when(other, fromMunicipality)).toMatchObject({ category: 'conflict', code: 'matching-already-open' });
    });
    it('takes a new referral after a decline', () => {
      const other = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
      const history = given(matchingDecider, [referred, declined]);
      expect(history.when(other, fromMunicipality)).toMatchObject([{ type: 'ReferralReceived', data: { referralId: '11111111-2222-4333-8444-555555555555' } }]);
    });
  });

  describe('AcceptReferral', () => {
    it('accepts a referral', () => {
      expect(given(matchingDecider, [referred]).when({ type: 'AcceptReferral', data: { plannedStart: '2025-06-05' } }, metadataOf('a1'))).toEqual([
        { type: 'ReferralAccepted', data: { ...ref, plannedStart: '2025-06-05' } },
      ]);
    });
    it('refuses to answer twice', () => {
      expect(given(matchingDecider, [referred, accepted]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a2'))).toMatchObject({
        category: 'conflict',
        code: 'referral-already-answered',
      });
    });
    it('refuses an unknown case, another organisation, and a caller outside the employer network', () => {
      expect(given(matchingDecider, []).when({ type: 'AcceptReferral', data: {} }, metadataOf('a3'))).toMatchObject({ category: 'not-found' });
      expect(given(matchingDecider, [referred]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a4', otherAccountManager))).toMatchObject({
        category: 'forbidden',
        code: 'matching-of-other-organisation',
      });
      expect(given(matchingDecider, [referred]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a5', clientManager))).toMatchObject({ category: 'forbidden' });
    });
  });

  describe('DeclineReferral', () => {
    const command = { type: 'DeclineReferral', data: { reasonCode: 'no-suitable-vacancies', reason: 'No vacancies in food within travel distance.' } } as const;

    it('declines with the reason for the municipality', () => {
      expect(given(matchingDecider, [referred]).when(command, metadataOf('d1'))).toEqual([{ type: 'ReferralDeclined', data: { ...ref, ...command.data } }]);
    });
    it('refuses to decline an accepted referral', () => {
      expect(given(matchingDecider, [referred, accepted]).when(command, metadataOf('d2'))).toMatchObject({ category: 'conflict', code: 'referral-already-answered' });
    });
  });

  describe('ProposeCandidate', () => {
    const command: MatchingCommand = { type: 'ProposeCandidate', data: { employerId, vacancyId, employer } };

    it('proposes the client for an open vacancy', () => {
      expect(given(matchingDecider, [referred, accepted]).when(command, metadataOf('pc1'))).toEqual([{ type: 'CandidateProposed', data: { ...ref, employerId, vacancyId } }]);
    });
    it('refuses before the referral is accepted', () => {
      expect(given(matchingDecider, [referred]).when(command, metadataOf('pc2'))).toMatchObject({ category: 'conflict', code: 'referral-not-accepted' });
    });
    it('refuses a closed or unknown vacancy and an unknown employer', () => {
      const history = given(matchingDecider, [referred, accepted]);
      expect(history.when({ type: 'ProposeCandidate', data: { employerId, vacancyId: 'closed-vacancy', employer } }, metadataOf('pc3'))).toMatchObject({ category: 'conflict', code: 'vacancy-closed' });
      expect(history.when({ type: 'ProposeCandidate', data: { employerId, vacancyId: 'nope', employer } }, metadataOf('pc4'))).toMatchObject({ category: 'not-found', field: '/vacancyId' });
      expect(history.when({ type: 'ProposeCandidate', data: { employerId, vacancyId, employer: undefined } }, metadataOf('pc5'))).toMatchObject({ category: 'not-found', field: '/employerId' });
    });
    it('refuses an employer kept by another organisation', () => {
      const theirs = { ...employer, organisationId: 'werkgeversservicepunt-noord' };
      expect(given(matchingDecider, [referred, accepted]).when({ type: 'ProposeCandidate', data: { employerId, vacancyId, employer: theirs } }, metadataOf('pc6'))).toMatchObject({
        category: 'forbidden',
      });
    });
  });

  describe('StartPlacement', () => {
    it('starts the case’s first job with sequence 1, numbered by the domain', () => {
      const events = given(matchingDecider, [referred, accepted]).when(start(), metadataOf('s1'));
      const { employer: _snapshot, ...terms } = start().data;
      expect(events).toEqual([
        { type: 'PlacementStarted', data: { ...ref, ...terms, employerName: 'Bakkerij De Korenschoof', placementId: newIdFor({ commandId: 's1' }, 'placement'), sequence: 1 } },
      ]);
    });
    it('refuses a second placement while one is active', () => {
      expect(given(matchingDecider, [referred, accepted, firstJob]).when(start({ startDate: '2025-04-01' }), metadataOf('s2'))).toMatchObject({
        category: 'conflict',
        code: 'placement-already-active',
      });
    });
    it('refuses before the referral is accepted and after a decline', () => {
      expect(given(matchingDecider, [referred]).when(start(), metadataOf('s3'))).toMatchObject({ category: 'conflict', code: 'referral-not-accepted' });
      expect(given(matchingDecider, [referred, declined]).when(start(), metadataOf('s4'))).toMatchObject({ category: 'conflict', code: 'referral-declined' });
    });
    it('refuses 0 hours except on a zero-hours contract', () => {
      const history = given(matchingDecider, [referred, accepted]);
      expect(history.when(start({ hoursPerWeek: 0 }), metadataOf('s5'))).toMatchObject({ category: 'invalid', field: '/hoursPerWeek' });
      expect(history.when(start({ hoursPerWeek: 0, contractType: 'zero-hours' }), metadataOf('s6'))).toMatchObject([{ type: 'PlacementStarted' }]);
    });
    it('refuses a wage value above 100% and an unknown employer', () => {
      const history = given(matchingDecider, [referred, accepted]);
      expect(history.when(start({ wageValuePercent: 120 }), metadataOf('s7'))).toMatchObject({ category: 'invalid', field: '/wageValuePercent' });
      expect(history.when(start({ employer: undefined }), metadataOf('s8'))).toMatchObject({ category: 'not-found', code: 'employer-not-found' });
    });
  });

  describe('ReviewPlacement', () => {
    const review = (reviewMonth: 1 | 3 | 6 | 12, reviewedOn: string): MatchingCommand => ({
      type: 'ReviewPlacement',
      data: { placementId: 'p-1', reviewMonth, reviewedOn, stillWorking: true, hoursPerWeek: 24, issues: ['more-guidance-needed'] },
    });

    it('records the 1-month review', () => {
      expect(given(matchingDecider, [referred, accepted, firstJob]).when(review(1, '2025-04-01'), metadataOf('r1'))).toEqual([
        { type: 'PlacementReviewed', data: { ...ref, placementId: 'p-1', reviewMonth: 1, reviewedOn: '2025-04-01', stillWorking: true, hoursPerWeek: 24, issues: ['more-guidance-needed'] } },
      ]);
    });
    it('refuses a review month given twice', () => {
      const { events } = run([review(1, '2025-04-01')], [referred, accepted, firstJob]);
      expect(given(matchingDecider, events).when(review(1, '2025-04-02'), metadataOf('r2'))).toMatchObject({ category: 'conflict', code: 'review-month-already-recorded' });
    });
    it('refuses an unknown placement, an ended one, and a review before the start', () => {
      expect(given(matchingDecider, [referred, accepted]).when(review(1, '2025-04-01'), metadataOf('r3'))).toMatchObject({ category: 'not-found', code: 'placement-not-found' });
      expect(given(matchingDecider, [referred, accepted, firstJob, firstJobLost]).when(review(3, '2025-05-01'), metadataOf('r4'))).toMatchObject({
        category: 'conflict',
        code: 'placement-ended',
      });
      expect(given(matchingDecider, [referred, accepted, firstJob]).when(review(1, '2025-02-01'), metadataOf('r5'))).toMatchObject({ category: 'invalid', field: '/reviewedOn' });
    });
  });

  describe('EndPlacement (job loss)', () => {
    it('ends the placement and reopens matching', () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-04-30', reason: 'health' } } as const;
      const history = given(matchingDecider, [referred, accepted, firstJob]);
      const events = history.when(command, metadataOf('e1'));
      expect(events).toEqual([{ type: 'PlacementEnded', data: { ...ref, ...command.data } }]);
      const after = (events as MatchingEvent[]).reduce((s, e) => matchingDecider.evolve(s, e), history.state);
      expect(after.status).toBe('reopened');
    });
    it('refuses an end date before the start date', () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-02-28', reason: 'dismissed' } } as const;
      expect(given(matchingDecider, [referred, accepted, firstJob]).when(command, metadataOf('e2'))).toMatchObject({ category: 'invalid', field: '/endDate' });
    });
    it("refuses reason 'other' without a text", () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-04-30', reason: 'other', reasonText: ' ' } } as const;
      expect(given(matchingDecider, [referred, accepted, firstJob]).when(command, metadataOf('e3'))).toMatchObject({ category: 'invalid', field: '/reasonText' });
    });
    it('refuses to end a placement twice', () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-05-30', reason: 'resigned' } } as const;
      expect(given(matchingDecider, [referred, accepted, firstJob, firstJobLost]).when(command, metadataOf('e4'))).toMatchObject({ category: 'conflict', code: 'placement-ended' });
    });
  });

  describe('job loss and re-placement', () => {
    it('numbers the job after a job loss 2, and the one after that 3', () => {
      const { events, state } = run([
        receive,
        { type: 'AcceptReferral', data: {} },
        start({ startDate: '2025-03-01' }),
        { type: 'EndPlacement', data: { placementId: newIdFor({ commandId: 'run-2' }, 'placement'), endDate: '2025-04-30', reason: 'contract-not-renewed' } },
        start({ startDate: '2025-05-12', contractType: 'temporary-12m' }),
        { type: 'EndPlacement', data: { placementId: newIdFor({ commandId: 'run-4' }, 'placement'), endDate: '2025-05-20', reason: 'employer-closed' } },
        start({ startDate: '2025-05-26', contractType: 'permanent', vacancyId: undefined }),
      ]);
      expect(events.filter((e) => e.type === 'PlacementStarted').map((e) => e.data.sequence)).toEqual([1, 2, 3]);
      expect(state.status).toBe('placed');
      expect(state.status !== 'none' && state.placements.map((p) => [p.sequence, p.status])).toEqual([
        [1, 'ended'],
        [2, 'ended'],
        [3, 'active'],
      ]);
    });
    it('refuses a next job that starts before the previous one ended', () => {
      expect(given(matchingDecider, [referred, accepted, firstJob, firstJobLost]).when(start({ startDate: '2025-04-15' }), metadataOf('j1'))).toMatchObject({
        category: 'invalid',
        field: '/startDate',
      });
    });
  });

  describe('CloseMatching', () => {
    it('closes a case whose client works durably', () => {
      expect(given(matchingDecider, [referred, accepted, firstJob]).when({ type: 'CloseMatching', data: { reasonCode: 'durably-placed' } }, metadataOf('x1'))).toEqual([
        { type: 'MatchingClosed', data: { ...ref, reasonCode: 'durably-placed' } },
      ]);
    });
    it('refuses other reasons while the client works, and durably-placed without a job', () => {
      expect(given(matchingDecider, [referred, accepted, firstJob]).when({ type: 'CloseMatching', data: { reasonCode: 'no-prospect' } }, metadataOf('x2'))).toMatchObject({
        category: 'conflict',
        code: 'placement-still-active',
      });
      expect(given(matchingDecider, [referred, accepted]).when({ type: 'CloseMatching', data: { reasonCode: 'durably-placed' } }, metadataOf('x3'))).toMatchObject({
        category: 'conflict',
        code: 'no-active-placement',
      });
    });
    it('refuses work on a closed case until it is referred again', () => {
      const closed: MatchingEvent = { type: 'MatchingClosed', data: { ...ref, reasonCode: 'no-prospect' } };
      const history = given(matchingDecider, [referred, accepted, closed]);
      expect(history.when(start(), metadataOf('x4'))).toMatchObject({ category: 'conflict', code: 'matching-closed' });
      const again = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
      expect(history.when(again, metadataOf('x5', clientManager))).toMatchObject([{ type: 'ReferralReceived' }]);
    });
  });

  it('keeps the active placement when a durably placed case is referred again', () => {
    const closed: MatchingEvent = { type: 'MatchingClosed', data: { ...ref, reasonCode: 'durably-placed' } };
    const again: MatchingCommand = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
    const { state } = run([again, { type: 'AcceptReferral', data: {} }], [referred, accepted, firstJob, closed]);
    expect(matchingDecider.decide(start({ startDate: '2025-09-01' }), state, metadataOf('k1'))).toMatchObject({ code: 'placement-already-active' });
  });

  it('is pure: the same command and history give the same events', () => {
    const history = given(matchingDecider, [referred, accepted]);
    expect(history.when(start(), metadataOf('same'))).toEqual(history.when(start(), metadataOf('same')));
  });
});
