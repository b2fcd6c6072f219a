import { describe, expect, it } from 'vitest';
import type { ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralEvent, ReferralRef } from './referral.events';
import { decideGiven, expectEvents, expectRefusal, metadataFor, stateAfter } from './spec-helpers';

const ref: ReferralRef = {
  referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
  caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
  clientKey: 'ck_7Qm2xV9pLr4TnB8s',
  organisationId: 'ggz-delfland',
};
const me = metadataFor('ggz-delfland');
const otherProvider = metadataFor('ggz-rivierduinen');

const received: ReferralEvent = {
  type: 'ReferralReceived',
  data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', route: 'ggz-screening', reason: 'Screening advice requested.', replyDeadline: '2025-03-17', referredAt: '2025-03-03T09:15:00Z' },
};
const accepted: ReferralEvent = { type: 'ReferralAccepted', data: ref };
const declined: ReferralEvent = { type: 'ReferralDeclined', data: { ...ref, reasonCode: 'no-capacity', reason: 'Full until May.' } };
const screeningStarted: ReferralEvent = { type: 'ScreeningStarted', data: { ...ref, startedOn: '2025-03-07' } };
const validAdvice = {
  advisedRoute: 'ips' as const,
  workCapacityHoursPerWeek: 16,
  recommendedHoursPerWeek: 12,
  functionalLimitations: ['social-functioning.dealing-with-conflicts' as const, 'working-hours.night-work' as const],
  contraIndications: false,
  reviewDate: '2025-06-10',
};
const adviceSubmitted: ReferralEvent = { type: 'ScreeningAdviceSubmitted', data: { ...ref, adviceId: 'a-1', ...validAdvice } };
const coachAssigned: ReferralEvent = { type: 'IpsJobCoachAssigned', data: { ...ref, jobCoachId: 'coach-1' } };

const decide = (given: readonly ReferralEvent[], command: ReferralCommand, metadata = me) => decideGiven(referralDecider, given, command, metadata);

describe('referral decider', () => {
  describe('ReceiveReferral', () => {
    const command: ReferralCommand = {
      type: 'ReceiveReferral',
      data: { ...received.data, toOrganisationId: 'ggz-delfland' },
    };
    it('puts a new referral in the inbox', () => {
      const events = expectEvents(decide([], command, metadataFor('gemeente-rotterdam', 'municipality')));
      expect(events).toEqual([received]);
    });
    it('ignores a redelivered referral', () => {
      expect(decide([received], command, metadataFor('gemeente-rotterdam', 'municipality'))).toEqual([]);
    });
  });

  describe('AcceptReferral', () => {
    it('accepts a referral in the inbox', () => {
      expect(decide([received], { type: 'AcceptReferral', data: { plannedStart: '2025-03-12' } })).toEqual([
        { type: 'ReferralAccepted', data: { ...ref, plannedStart: '2025-03-12' } },
      ]);
    });
    it('refuses an answered referral', () => {
      expectRefusal(decide([received, declined], { type: 'AcceptReferral', data: {} }), 'conflict', 'referral-already-answered');
    });
    it("reports another provider's referral as not found", () => {
      expectRefusal(decide([received], { type: 'AcceptReferral', data: {} }, otherProvider), 'not-found', 'referral-not-found');
    });
    it('reports a referral that does not exist as not found', () => {
      expectRefusal(decide([], { type: 'AcceptReferral', data: {} }), 'not-found', 'referral-not-found');
    });
    it('refuses a planned start in the past', () => {
      expectRefusal(decide([received], { type: 'AcceptReferral', data: { plannedStart: '2025-03-01' } }), 'invalid', 'planned-start-in-past', '/plannedStart');
    });
  });

  describe('DeclineReferral', () => {
    it('declines with the reason for the referrer', () => {
      expect(decide([received], { type: 'DeclineReferral', data: { reasonCode: 'no-capacity', reason: '  Full until May. ' } })).toEqual([declined]);
    });
    it('refuses a blank reason', () => {
      expectRefusal(decide([received], { type: 'DeclineReferral', data: { reasonCode: 'other', reason: '   ' } }), 'invalid', 'decline-reason-required', '/reason');
    });
    it('refuses an accepted referral', () => {
      expectRefusal(decide([received, accepted], { type: 'DeclineReferral', data: { reasonCode: 'other', reason: 'x' } }), 'conflict', 'referral-already-answered');
    });
  });

  describe('StartScreening', () => {
    it('starts the screening of an accepted referral on today’s date', () => {
      expect(decide([received, accepted], { type: 'StartScreening', data: {} })).toEqual([{ type: 'ScreeningStarted', data: { ...ref, startedOn: '2025-03-10' } }]);
    });
    it('refuses before the referral is accepted', () => {
      expectRefusal(decide([received], { type: 'StartScreening', data: {} }), 'conflict', 'referral-not-accepted');
    });
    it('refuses twice', () => {
      expectRefusal(decide([received, accepted, screeningStarted], { type: 'StartScreening', data: {} }), 'conflict', 'screening-already-started');
    });
  });

  describe('RecordClinicalFindings', () => {
    const findings: ReferralCommand = {
      type: 'RecordClinicalFindings',
      data: { diagnoses: [{ system: 'icd-10', code: 'F32.1' }, { system: 'dsm-5', code: '296.21' }], notes: 'Somber mood since job loss.' },
    };
    it('records diagnoses and notes in the private stream', () => {
      const [event] = expectEvents(decide([received, accepted, screeningStarted], findings));
      expect(event).toMatchObject({ type: 'ClinicalFindingsRecorded', data: { ...ref, diagnoses: findings.data.diagnoses, notes: 'Somber mood since job loss.' } });
    });
    it('refuses before the screening started', () => {
      expectRefusal(decide([received, accepted], findings), 'conflict', 'screening-not-started');
    });
    it('refuses a malformed code, naming it', () => {
      const bad: ReferralCommand = { type: 'RecordClinicalFindings', data: { diagnoses: [{ system: 'icd-10', code: 'F32.1' }, { system: 'icd-10', code: 'depression' }] } };
      expectRefusal(decide([received, accepted, screeningStarted], bad), 'invalid', 'malformed-diagnosis-code', '/diagnoses/1/code');
    });
    it('refuses an empty finding', () => {
      expectRefusal(decide([received, accepted, screeningStarted], { type: 'RecordClinicalFindings', data: { diagnoses: [], notes: ' ' } }), 'invalid', 'findings-empty');
    });
  });

  describe('SubmitScreeningAdvice', () => {
    const submit = (data: Partial<typeof validAdvice> = {}): ReferralCommand => ({ type: 'SubmitScreeningAdvice', data: { ...validAdvice, ...data } });
    it('submits work-oriented advice', () => {
      const [event] = expectEvents(decide([received, accepted, screeningStarted], submit()));
      expect(event?.type).toBe('ScreeningAdviceSubmitted');
      expect(event?.data).toMatchObject({ ...ref, ...validAdvice });
    });
    it('refuses a review date that is not after today', () => {
      expectRefusal(decide([received, accepted, screeningStarted], submit({ reviewDate: '2025-03-10' })), 'invalid', 'review-date-not-in-future', '/reviewDate');
    });
    it('refuses recommended hours above the work capacity', () => {
      expectRefusal(decide([received, accepted, screeningStarted], submit({ recommendedHoursPerWeek: 20 })), 'invalid', 'invalid-recommended-hours', '/recommendedHoursPerWeek');
    });
    it('refuses a code that is not on the list', () => {
      expectRefusal(
        decide([received, accepted, screeningStarted], submit({ functionalLimitations: ['F32.1' as never] })),
        'invalid',
        'unknown-functional-limitation',
        '/functionalLimitations/0',
      );
    });
    it('refuses work capacity that is not in half hours', () => {
      expectRefusal(decide([received, accepted, screeningStarted], submit({ workCapacityHoursPerWeek: 12.3 })), 'invalid', 'invalid-work-capacity', '/workCapacityHoursPerWeek');
    });
    it('refuses advice on a declined referral', () => {
      expectRefusal(decide([received, declined], submit()), 'conflict', 'referral-declined');
    });
    it('refuses advice before the screening started', () => {
      expectRefusal(decide([received, accepted], submit()), 'conflict', 'screening-not-started');
    });
    it('refuses a second advice', () => {
      expectRefusal(decide([received, accepted, screeningStarted, adviceSubmitted], submit()), 'conflict', 'screening-advice-already-submitted');
    });
  });

  describe('AssignIpsJobCoach', () => {
    it('assigns a job coach', () => {
      expect(decide([received, accepted], { type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-1' } })).toEqual([coachAssigned]);
    });
    it('does nothing when the same coach is assigned again', () => {
      expect(decide([received, accepted, coachAssigned], { type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-1' } })).toEqual([]);
    });
    it('refuses when the advice is not IPS', () => {
      const careFirst: ReferralEvent = { type: 'ScreeningAdviceSubmitted', data: { ...ref, adviceId: 'a-1', ...validAdvice, advisedRoute: 'care-first' } };
      expectRefusal(decide([received, accepted, screeningStarted, careFirst], { type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-1' } }), 'conflict', 'advice-is-not-ips');
    });
  });

  describe('RecordIpsIntakeSession', () => {
    const session = (sessionNumber: number, heldOn = '2025-03-09'): ReferralCommand => ({ type: 'RecordIpsIntakeSession', data: { sessionNumber, heldOn } });
    const held1: ReferralEvent = { type: 'IpsIntakeSessionRecorded', data: { ...ref, sessionNumber: 1, heldOn: '2025-03-09' } };
    it('records a numbered intake session', () => {
      expect(decide([received, accepted, coachAssigned], session(1))).toEqual([held1]);
    });
    it('refuses a duplicate session number', () => {
      expectRefusal(decide([received, accepted, coachAssigned, held1], session(1)), 'conflict', 'ips-intake-session-already-recorded');
    });
    it('refuses numbers outside 1–8', () => {
      expectRefusal(decide([received, accepted, coachAssigned], session(9)), 'invalid', 'session-number-out-of-range', '/sessionNumber');
      expectRefusal(decide([received, accepted, coachAssigned], session(0)), 'invalid', 'session-number-out-of-range', '/sessionNumber');
    });
    it('refuses a session without a job coach', () => {
      expectRefusal(decide([received, accepted], session(1)), 'conflict', 'no-ips-job-coach');
    });
    it('refuses a session in the future', () => {
      expectRefusal(decide([received, accepted, coachAssigned], session(2, '2025-03-11')), 'invalid', 'session-in-future', '/heldOn');
    });
  });

  describe('treatment episodes', () => {
    const started: ReferralEvent = { type: 'TreatmentEpisodeStarted', data: { ...ref, episodeId: 'e-1', startDate: '2025-03-01' } };
    it('starts an episode', () => {
      const [event] = expectEvents(decide([received, accepted], { type: 'StartTreatmentEpisode', data: { startDate: '2025-03-01' } }));
      expect(event).toMatchObject({ type: 'TreatmentEpisodeStarted', data: { ...ref, startDate: '2025-03-01' } });
    });
    it('refuses a second open episode', () => {
      expectRefusal(decide([received, accepted, started], { type: 'StartTreatmentEpisode', data: { startDate: '2025-03-05' } }), 'conflict', 'treatment-episode-open');
    });
    it('ends the open episode', () => {
      expect(decide([received, accepted, started], { type: 'EndTreatmentEpisode', data: { endDate: '2025-03-01', endReason: 'completed' } })).toEqual([
        { type: 'TreatmentEpisodeEnded', data: { ...ref, episodeId: 'e-1', endDate: '2025-03-01', endReason: 'completed' } },
      ]);
    });
    it('refuses an end before the start', () => {
      expectRefusal(decide([received, accepted, started], { type: 'EndTreatmentEpisode', data: { endDate: '2025-02-28', endReason: 'completed' } }), 'invalid', 'end-before-start', '/endDate');
    });
    it('refuses to end when no episode is open', () => {
      expectRefusal(decide([received, accepted], { type: 'EndTreatmentEpisode', data: { endDate: '2025-03-02', endReason: 'completed' } }), 'conflict', 'no-open-treatment-episode');
    });
  });

  it('evolves to a state that remembers advice, coach, sessions and episodes', () => {
    const state = stateAfter(referralDecider, [
      received,
      accepted,
      screeningStarted,
      adviceSubmitted,
      coachAssigned,
      { type: 'IpsIntakeSessionRecorded', data: { ...ref, sessionNumber: 3, heldOn: '2025-03-09' } },
    ]);
    expect(state).toMatchObject({ status: 'accepted', screening: { status: 'advised', advice: { advisedRoute: 'ips' } }, jobCoachId: 'coach-1', ipsSessions: [3] });
  });
});
