import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { EmployerSnapshot } from './employer.decider';
import { newIdFor } from './ids';
import type { MatchingCommand, StartPlacement } from './matching.commands';
import { matchingDecider, type MatchingState } from './matching.decider';
import type { MatchingEvent, PlacementStarted } from './matching.events';
import { clientManager, metadataOf, otherAccountManager } from './testing/actors';

const given = deciderSpec(matchingDecider);

const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8s';
const referralId = '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69';
const ref = { caseId, clientKey, organisationId: 'wsp-rijnmond', referralId };
/** Answers and placements name the referring municipality, to which they are addressed. */
const toReferrer = { ...ref, referringOrganisationId: 'gemeente-rotterdam' };
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

/** Runs commands one after the other on the real decider, as the handler would; a refusal fails the test. */
function run(commands: readonly MatchingCommand[], history: readonly MatchingEvent[] = []): { events: MatchingEvent[]; state: MatchingState } {
  const events = [...history];
  commands.forEach((command, i) => events.push(...given(events).when(command, metadataOf(`run-${i}`)).events));
  return { events, state: given(events).state };
}

describe('matching decider', () => {
  describe('ReceiveReferral (from the municipality’s ClientReferred)', () => {
    const fromMunicipality = metadataOf('ce-1', clientManager);

    it('opens matching for the organisation referred to, keeping only what matching needs', () => {
      const events = given([]).when(receive, fromMunicipality).events;
      expect(events).toEqual([referred]);
      expect(Object.keys(events[0]!.data)).not.toContain('route');
    });
    it('ignores the same referral delivered again', () => {
      given([referred, accepted]).when(receive, fromMunicipality).then([]);
    });
    it('refuses another referral while matching is open', () => {
      const other = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
      given([referred, accepted]).when(other, fromMunicipality).thenRefused({ category: 'conflict', code: 'matching-already-open' });
    });
    it('takes a new referral after a decline', () => {
      const other = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
      const history = given([referred, declined]);
      expect(history.when(other, fromMunicipality).events).toMatchObject([{ type: 'ReferralReceived', data: { referralId: '11111111-2222-4333-8444-555555555555' } }]);
    });
  });

  describe('AcceptReferral', () => {
    it('accepts a referral', () => {
      given([referred])
        .when({ type: 'AcceptReferral', data: { plannedStart: '2025-06-05' } }, metadataOf('a1'))
        .then([{ type: 'ReferralAccepted', data: { ...toReferrer, plannedStart: '2025-06-05' } }]);
    });
    it('refuses to answer twice', () => {
      given([referred, accepted]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a2')).thenRefused({
        category: 'conflict',
        code: 'referral-already-answered',
      });
    });
    it('refuses an unknown case, another organisation, and a caller outside the employer network', () => {
      given([]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a3')).thenRefused({ category: 'not-found' });
      given([referred]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a4', otherAccountManager)).thenRefused({
        category: 'forbidden',
        code: 'matching-of-other-organisation',
      });
      given([referred]).when({ type: 'AcceptReferral', data: {} }, metadataOf('a5', clientManager)).thenRefused({ category: 'forbidden' });
    });
  });

  describe('DeclineReferral', () => {
    const command = { type: 'DeclineReferral', data: { reasonCode: 'no-suitable-vacancies', reason: 'No vacancies in food within travel distance.' } } as const;

    it('declines with the reason for the municipality', () => {
      given([referred])
        .when(command, metadataOf('d1'))
        .then([{ type: 'ReferralDeclined', data: { ...toReferrer, ...command.data } }]);
    });
    it('refuses to decline an accepted referral', () => {
      given([referred, accepted]).when(command, metadataOf('d2')).thenRefused({ category: 'conflict', code: 'referral-already-answered' });
    });
  });

  describe('ProposeCandidate', () => {
    const command: MatchingCommand = { type: 'ProposeCandidate', data: { employerId, vacancyId, employer } };

    it('proposes the client for an open vacancy', () => {
      given([referred, accepted])
        .when(command, metadataOf('pc1'))
        .then([{ type: 'CandidateProposed', data: { ...ref, employerId, vacancyId } }]);
    });
    it('refuses before the referral is accepted', () => {
      given([referred]).when(command, metadataOf('pc2')).thenRefused({ category: 'conflict', code: 'referral-not-accepted' });
    });
    it('refuses a closed or unknown vacancy and an unknown employer', () => {
      const history = given([referred, accepted]);
      history.when({ type: 'ProposeCandidate', data: { employerId, vacancyId: 'closed-vacancy', employer } }, metadataOf('pc3')).thenRefused({ category: 'conflict', code: 'vacancy-closed' });
      history.when({ type: 'ProposeCandidate', data: { employerId, vacancyId: 'nope', employer } }, metadataOf('pc4')).thenRefused({ category: 'not-found', field: '/vacancyId' });
      history.when({ type: 'ProposeCandidate', data: { employerId, vacancyId, employer: undefined } }, metadataOf('pc5')).thenRefused({ category: 'not-found', field: '/employerId' });
    });
    it('refuses an employer kept by another organisation', () => {
      const theirs = { ...employer, organisationId: 'werkgeversservicepunt-noord' };
      given([referred, accepted])
        .when({ type: 'ProposeCandidate', data: { employerId, vacancyId, employer: theirs } }, metadataOf('pc6'))
        .thenRefused({
          category: 'forbidden',
        });
    });
  });

  describe('StartPlacement', () => {
    it('starts the case’s first job with sequence 1, numbered by the domain', () => {
      const events = given([referred, accepted]).when(start(), metadataOf('s1')).events;
      const { employer: _snapshot, ...terms } = start().data;
      expect(events).toEqual([
        { type: 'PlacementStarted', data: { ...toReferrer, ...terms, employerName: 'Bakkerij De Korenschoof', placementId: newIdFor({ commandId: 's1' }, 'placement'), sequence: 1 } },
      ]);
    });
    it('refuses a second placement while one is active', () => {
      given([referred, accepted, firstJob])
        .when(start({ startDate: '2025-04-01' }), metadataOf('s2'))
        .thenRefused({
          category: 'conflict',
          code: 'placement-already-active',
        });
    });
    it('refuses before the referral is accepted and after a decline', () => {
      given([referred]).when(start(), metadataOf('s3')).thenRefused({ category: 'conflict', code: 'referral-not-accepted' });
      given([referred, declined]).when(start(), metadataOf('s4')).thenRefused({ category: 'conflict', code: 'referral-declined' });
    });
    it('refuses 0 hours except on a zero-hours contract', () => {
      const history = given([referred, accepted]);
      history.when(start({ hoursPerWeek: 0 }), metadataOf('s5')).thenRefused({ category: 'invalid', field: '/hoursPerWeek' });
      expect(history.when(start({ hoursPerWeek: 0, contractType: 'zero-hours' }), metadataOf('s6')).events).toMatchObject([{ type: 'PlacementStarted' }]);
    });
    it('refuses a wage value above 100% and an unknown employer', () => {
      const history = given([referred, accepted]);
      history.when(start({ wageValuePercent: 120 }), metadataOf('s7')).thenRefused({ category: 'invalid', field: '/wageValuePercent' });
      history.when(start({ employer: undefined }), metadataOf('s8')).thenRefused({ category: 'not-found', code: 'employer-not-found' });
    });
  });

  describe('ReviewPlacement', () => {
    const review = (reviewMonth: 1 | 3 | 6 | 12, reviewedOn: string): MatchingCommand => ({
      type: 'ReviewPlacement',
      data: { placementId: 'p-1', reviewMonth, reviewedOn, stillWorking: true, hoursPerWeek: 24, issues: ['more-guidance-needed'] },
    });

    it('records the 1-month review', () => {
      given([referred, accepted, firstJob])
        .when(review(1, '2025-04-01'), metadataOf('r1'))
        .then([{ type: 'PlacementReviewed', data: { ...ref, placementId: 'p-1', reviewMonth: 1, reviewedOn: '2025-04-01', stillWorking: true, hoursPerWeek: 24, issues: ['more-guidance-needed'] } }]);
    });
    it('refuses a review month given twice', () => {
      const { events } = run([review(1, '2025-04-01')], [referred, accepted, firstJob]);
      given(events).when(review(1, '2025-04-02'), metadataOf('r2')).thenRefused({ category: 'conflict', code: 'review-month-already-recorded' });
    });
    it('refuses an unknown placement, an ended one, and a review before the start', () => {
      given([referred, accepted]).when(review(1, '2025-04-01'), metadataOf('r3')).thenRefused({ category: 'not-found', code: 'placement-not-found' });
      given([referred, accepted, firstJob, firstJobLost]).when(review(3, '2025-05-01'), metadataOf('r4')).thenRefused({
        category: 'conflict',
        code: 'placement-ended',
      });
      given([referred, accepted, firstJob]).when(review(1, '2025-02-01'), metadataOf('r5')).thenRefused({ category: 'invalid', field: '/reviewedOn' });
    });
  });

  describe('EndPlacement (job loss)', () => {
    it('ends the placement and reopens matching', () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-04-30', reason: 'health' } } as const;
      const history = given([referred, accepted, firstJob]);
      const events = history.when(command, metadataOf('e1')).events;
      expect(events).toEqual([{ type: 'PlacementEnded', data: { ...toReferrer, ...command.data } }]);
      expect(given([referred, accepted, firstJob, ...events]).state.status).toBe('reopened');
    });
    it('refuses an end date before the start date', () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-02-28', reason: 'dismissed' } } as const;
      given([referred, accepted, firstJob]).when(command, metadataOf('e2')).thenRefused({ category: 'invalid', field: '/endDate' });
    });
    it("refuses reason 'other' without a text", () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-04-30', reason: 'other', reasonText: ' ' } } as const;
      given([referred, accepted, firstJob]).when(command, metadataOf('e3')).thenRefused({ category: 'invalid', field: '/reasonText' });
    });
    it('refuses to end a placement twice', () => {
      const command = { type: 'EndPlacement', data: { placementId: 'p-1', endDate: '2025-05-30', reason: 'resigned' } } as const;
      given([referred, accepted, firstJob, firstJobLost]).when(command, metadataOf('e4')).thenRefused({ category: 'conflict', code: 'placement-ended' });
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
      given([referred, accepted, firstJob, firstJobLost])
        .when(start({ startDate: '2025-04-15' }), metadataOf('j1'))
        .thenRefused({
          category: 'invalid',
          field: '/startDate',
        });
    });
  });

  describe('CloseMatching', () => {
    it('closes a case whose client works durably', () => {
      given([referred, accepted, firstJob])
        .when({ type: 'CloseMatching', data: { reasonCode: 'durably-placed' } }, metadataOf('x1'))
        .then([{ type: 'MatchingClosed', data: { ...ref, reasonCode: 'durably-placed' } }]);
    });
    it('refuses other reasons while the client works, and durably-placed without a job', () => {
      given([referred, accepted, firstJob])
        .when({ type: 'CloseMatching', data: { reasonCode: 'no-prospect' } }, metadataOf('x2'))
        .thenRefused({
          category: 'conflict',
          code: 'placement-still-active',
        });
      given([referred, accepted])
        .when({ type: 'CloseMatching', data: { reasonCode: 'durably-placed' } }, metadataOf('x3'))
        .thenRefused({
          category: 'conflict',
          code: 'no-active-placement',
        });
    });
    it('refuses work on a closed case until it is referred again', () => {
      const closed: MatchingEvent = { type: 'MatchingClosed', data: { ...ref, reasonCode: 'no-prospect' } };
      const history = given([referred, accepted, closed]);
      history.when(start(), metadataOf('x4')).thenRefused({ category: 'conflict', code: 'matching-closed' });
      const again = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
      expect(history.when(again, metadataOf('x5', clientManager)).events).toMatchObject([{ type: 'ReferralReceived' }]);
    });
  });

  it('keeps the active placement when a durably placed case is referred again', () => {
    const closed: MatchingEvent = { type: 'MatchingClosed', data: { ...ref, reasonCode: 'durably-placed' } };
    const again: MatchingCommand = { ...receive, data: { ...receive.data, referralId: '11111111-2222-4333-8444-555555555555' } };
    const { events } = run([again, { type: 'AcceptReferral', data: {} }], [referred, accepted, firstJob, closed]);
    given(events)
      .when(start({ startDate: '2025-09-01' }), metadataOf('k1'))
      .thenRefused({ code: 'placement-already-active' });
  });

  it('is pure: the same command and history give the same events', () => {
    const history = given([referred, accepted]);
    expect(history.when(start(), metadataOf('same')).result).toEqual(history.when(start(), metadataOf('same')).result);
  });
});
