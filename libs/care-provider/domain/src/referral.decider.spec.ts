import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralEvent, ReferralRef } from './referral.events';
import { metadataFor } from './testing/actors';

const ref: ReferralRef = {
  referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
  caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
  clientKey: 'ck_7Qm2xV9pLr4TnB8s',
  organisationId: 'ggz-delfland',
};
/** An answer names the referring municipality, to which it is addressed. */
const answerRef = { ...ref, referringOrganisationId: 'gemeente-rotterdam' };
const me = metadataFor('ggz-delfland');
const otherProvider = metadataFor('ggz-rivierduinen');

const received: ReferralEvent = {
  type: 'ReferralReceived',
  data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', route: 'ggz-screening', reason: 'Screening advice requested.', replyDeadline: '2025-03-17', referredAt: '2025-03-03T09:15:00Z' },
};
const accepted: ReferralEvent = { type: 'ReferralAccepted', data: ref };
const declined: ReferralEvent = { type: 'ReferralDeclined', data: { ...answerRef, reasonCode: 'no-capacity', reason: 'Full until May.' } };
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

const given = deciderSpec(referralDecider, { metadata: me });

describe('referral decider', () => {
  describe('ReceiveReferral', () => {
    const command: ReferralCommand = {
      type: 'ReceiveReferral',
      data: { ...received.data, toOrganisationId: 'ggz-delfland' },
    };
    it('puts a new referral in the inbox', () => {
      const events = given([]).when(command, metadataFor('gemeente-rotterdam', 'municipality')).events;
      expect(events).toEqual([received]);
    });
    it('ignores a redelivered referral', () => {
      given([received]).when(command, metadataFor('gemeente-rotterdam', 'municipality')).then([]);
    });
  });

  describe('AcceptReferral', () => {
    it('accepts a referral in the inbox', () => {
      given([received])
        .when({ type: 'AcceptReferral', data: { plannedStart: '2025-03-12' } })
        .then([{ type: 'ReferralAccepted', data: { ...answerRef, plannedStart: '2025-03-12' } }]);
    });
    it('refuses an answered referral', () => {
      given([received, declined]).when({ type: 'AcceptReferral', data: {} }).thenRefused({ category: 'conflict', code: 'referral-already-answered' });
    });
    it("reports another provider's referral as not found", () => {
      given([received]).when({ type: 'AcceptReferral', data: {} }, otherProvider).thenRefused({ category: 'not-found', code: 'referral-not-found' });
    });
    it('reports a referral that does not exist as not found', () => {
      given([]).when({ type: 'AcceptReferral', data: {} }).thenRefused({ category: 'not-found', code: 'referral-not-found' });
    });
    it('refuses a planned start in the past', () => {
      given([received])
        .when({ type: 'AcceptReferral', data: { plannedStart: '2025-03-01' } })
        .thenRefused({ category: 'invalid', code: 'planned-start-in-past', field: '/plannedStart' });
    });
  });

  describe('DeclineReferral', () => {
    it('declines with the reason for the referrer', () => {
      given([received])
        .when({ type: 'DeclineReferral', data: { reasonCode: 'no-capacity', reason: '  Full until May. ' } })
        .then([declined]);
    });
    it('refuses a blank reason', () => {
      given([received])
        .when({ type: 'DeclineReferral', data: { reasonCode: 'other', reason: '   ' } })
        .thenRefused({ category: 'invalid', code: 'decline-reason-required', field: '/reason' });
    });
    it('refuses an accepted referral', () => {
      given([received, accepted])
        .when({ type: 'DeclineReferral', data: { reasonCode: 'other', reason: 'x' } })
        .thenRefused({ category: 'conflict', code: 'referral-already-answered' });
    });
  });

  describe('StartScreening', () => {
    it('starts the screening of an accepted referral on today’s date', () => {
      given([received, accepted])
        .when({ type: 'StartScreening', data: {} })
        .then([{ type: 'ScreeningStarted', data: { ...ref, startedOn: '2025-03-10' } }]);
    });
    it('refuses before the referral is accepted', () => {
      given([received]).when({ type: 'StartScreening', data: {} }).thenRefused({ category: 'conflict', code: 'referral-not-accepted' });
    });
    it('refuses twice', () => {
      given([received, accepted, screeningStarted]).when({ type: 'StartScreening', data: {} }).thenRefused({ category: 'conflict', code: 'screening-already-started' });
    });
  });

  describe('RecordClinicalFindings', () => {
    const findings: ReferralCommand = {
      type: 'RecordClinicalFindings',
      data: {
        diagnoses: [
          { system: 'icd-10', code: 'F32.1' },
          { system: 'dsm-5', code: '296.21' },
        ],
        notes: 'Somber mood since job loss.',
      },
    };
    it('records diagnoses and notes in the private stream', () => {
      const [event] = given([received, accepted, screeningStarted]).when(findings).events;
      expect(event).toMatchObject({ type: 'ClinicalFindingsRecorded', data: { ...ref, diagnoses: findings.data.diagnoses, notes: 'Somber mood since job loss.' } });
    });
    it('refuses before the screening started', () => {
      given([received, accepted]).when(findings).thenRefused({ category: 'conflict', code: 'screening-not-started' });
    });
    it('refuses a malformed code, naming it', () => {
      const bad: ReferralCommand = {
        type: 'RecordClinicalFindings',
        data: {
          diagnoses: [
            { system: 'icd-10', code: 'F32.1' },
            { system: 'icd-10', code: 'depression' },
          ],
        },
      };
      given([received, accepted, screeningStarted]).when(bad).thenRefused({ category: 'invalid', code: 'malformed-diagnosis-code', field: '/diagnoses/1/code' });
    });
    it('refuses an empty finding', () => {
      given([received, accepted, screeningStarted])
        .when({ type: 'RecordClinicalFindings', data: { diagnoses: [], notes: ' ' } })
        .thenRefused({ category: 'invalid', code: 'findings-empty' });
    });
  });

  describe('SubmitScreeningAdvice', () => {
    const submit = (data: Partial<typeof validAdvice> = {}): ReferralCommand => ({ type: 'SubmitScreeningAdvice', data: { ...validAdvice, ...data } });
    it('submits work-oriented advice', () => {
      const [event] = given([received, accepted, screeningStarted]).when(submit()).events;
      expect(event?.type).toBe('ScreeningAdviceSubmitted');
      expect(event?.data).toMatchObject({ ...answerRef, ...validAdvice });
    });
    it('refuses a review date that is not after today', () => {
      given([received, accepted, screeningStarted])
        .when(submit({ reviewDate: '2025-03-10' }))
        .thenRefused({ category: 'invalid', code: 'review-date-not-in-future', field: '/reviewDate' });
    });
    it('refuses recommended hours above the work capacity', () => {
      given([received, accepted, screeningStarted])
        .when(submit({ recommendedHoursPerWeek: 20 }))
        .thenRefused({ category: 'invalid', code: 'invalid-recommended-hours', field: '/recommendedHoursPerWeek' });
    });
    it('refuses a code that is not on the list', () => {
      given([received, accepted, screeningStarted])
        .when(submit({ functionalLimitations: ['F32.1' as never] }))
        .thenRefused({ category: 'invalid', code: 'unknown-functional-limitation', field: '/functionalLimitations/0' });
    });
    it('refuses work capacity that is not in half hours', () => {
      given([received, accepted, screeningStarted])
        .when(submit({ workCapacityHoursPerWeek: 12.3 }))
        .thenRefused({ category: 'invalid', code: 'invalid-work-capacity', field: '/workCapacityHoursPerWeek' });
    });
    it('refuses advice on a declined referral', () => {
      given([received, declined]).when(submit()).thenRefused({ category: 'conflict', code: 'referral-declined' });
    });
    it('refuses advice before the screening started', () => {
      given([received, accepted]).when(submit()).thenRefused({ category: 'conflict', code: 'screening-not-started' });
    });
    it('refuses a second advice', () => {
      given([received, accepted, screeningStarted, adviceSubmitted]).when(submit()).thenRefused({ category: 'conflict', code: 'screening-advice-already-submitted' });
    });
  });

  describe('AssignIpsJobCoach', () => {
    it('assigns a job coach', () => {
      given([received, accepted])
        .when({ type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-1' } })
        .then([coachAssigned]);
    });
    it('does nothing when the same coach is assigned again', () => {
      given([received, accepted, coachAssigned])
        .when({ type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-1' } })
        .then([]);
    });
    it('refuses when the advice is not IPS', () => {
      const careFirst: ReferralEvent = { type: 'ScreeningAdviceSubmitted', data: { ...ref, adviceId: 'a-1', ...validAdvice, advisedRoute: 'care-first' } };
      given([received, accepted, screeningStarted, careFirst])
        .when({ type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-1' } })
        .thenRefused({ category: 'conflict', code: 'advice-is-not-ips' });
    });
  });

  describe('RecordIpsIntakeSession', () => {
    const session = (sessionNumber: number, heldOn = '2025-03-09'): ReferralCommand => ({ type: 'RecordIpsIntakeSession', data: { sessionNumber, heldOn } });
    const held1: ReferralEvent = { type: 'IpsIntakeSessionRecorded', data: { ...ref, sessionNumber: 1, heldOn: '2025-03-09' } };
    it('records a numbered intake session', () => {
      given([received, accepted, coachAssigned]).when(session(1)).then([held1]);
    });
    it('refuses a duplicate session number', () => {
      given([received, accepted, coachAssigned, held1]).when(session(1)).thenRefused({ category: 'conflict', code: 'ips-intake-session-already-recorded' });
    });
    it('refuses numbers outside 1–8', () => {
      given([received, accepted, coachAssigned]).when(session(9)).thenRefused({ category: 'invalid', code: 'session-number-out-of-range', field: '/sessionNumber' });
      given([received, accepted, coachAssigned]).when(session(0)).thenRefused({ category: 'invalid', code: 'session-number-out-of-range', field: '/sessionNumber' });
    });
    it('refuses a session without a job coach', () => {
      given([received, accepted]).when(session(1)).thenRefused({ category: 'conflict', code: 'no-ips-job-coach' });
    });
    it('refuses a session in the future', () => {
      given([received, accepted, coachAssigned]).when(session(2, '2025-03-11')).thenRefused({ category: 'invalid', code: 'session-in-future', field: '/heldOn' });
    });
  });

  describe('treatment episodes', () => {
    const started: ReferralEvent = { type: 'TreatmentEpisodeStarted', data: { ...ref, episodeId: 'e-1', startDate: '2025-03-01' } };
    it('starts an episode', () => {
      const [event] = given([received, accepted]).when({ type: 'StartTreatmentEpisode', data: { startDate: '2025-03-01' } }).events;
      expect(event).toMatchObject({ type: 'TreatmentEpisodeStarted', data: { ...ref, startDate: '2025-03-01' } });
    });
    it('refuses a second open episode', () => {
      given([received, accepted, started])
        .when({ type: 'StartTreatmentEpisode', data: { startDate: '2025-03-05' } })
        .thenRefused({ category: 'conflict', code: 'treatment-episode-open' });
    });
    it('ends the open episode', () => {
      given([received, accepted, started])
        .when({ type: 'EndTreatmentEpisode', data: { endDate: '2025-03-01', endReason: 'completed' } })
        .then([{ type: 'TreatmentEpisodeEnded', data: { ...ref, episodeId: 'e-1', endDate: '2025-03-01', endReason: 'completed' } }]);
    });
    it('refuses an end before the start', () => {
      given([received, accepted, started])
        .when({ type: 'EndTreatmentEpisode', data: { endDate: '2025-02-28', endReason: 'completed' } })
        .thenRefused({ category: 'invalid', code: 'end-before-start', field: '/endDate' });
    });
    it('refuses to end when no episode is open', () => {
      given([received, accepted])
        .when({ type: 'EndTreatmentEpisode', data: { endDate: '2025-03-02', endReason: 'completed' } })
        .thenRefused({ category: 'conflict', code: 'no-open-treatment-episode' });
    });
  });

  describe('DischargeClient', () => {
    const started: ReferralEvent = { type: 'TreatmentEpisodeStarted', data: { ...ref, episodeId: 'e-1', startDate: '2025-03-01' } };
    const ended: ReferralEvent = { type: 'TreatmentEpisodeEnded', data: { ...ref, episodeId: 'e-1', endDate: '2025-03-05', endReason: 'completed' } };
    const discharged: ReferralEvent = { type: 'ClientDischarged', data: { ...ref, dischargedOn: '2025-03-06', reasonCode: 'care-completed' } };
    const discharge = (dischargedOn: string, reasonCode = 'care-completed' as const): ReferralCommand => ({ type: 'DischargeClient', data: { dischargedOn, reasonCode } });

    it('discharges the client of an accepted referral once treatment has ended', () => {
      given([received, accepted, started, ended]).when(discharge('2025-03-06')).then([discharged]);
    });
    it('refuses a second discharge', () => {
      given([received, accepted, started, ended, discharged]).when(discharge('2025-03-07')).thenRefused({ category: 'conflict', code: 'client-already-discharged' });
    });
    it('refuses while a treatment episode is open', () => {
      given([received, accepted, started]).when(discharge('2025-03-06')).thenRefused({ category: 'conflict', code: 'treatment-episode-open' });
    });
    it('refuses a discharge before the last episode ended, naming the date', () => {
      given([received, accepted, started, ended]).when(discharge('2025-03-04')).thenRefused({ category: 'invalid', code: 'discharge-before-treatment-ended', field: '/dischargedOn' });
    });
    it('refuses a discharge in the future', () => {
      given([received, accepted]).when(discharge('2099-01-01')).thenRefused({ category: 'invalid', code: 'discharge-in-future', field: '/dischargedOn' });
    });
    it('refuses an unknown reason', () => {
      given([received, accepted])
        .when(discharge('2025-03-06', 'cured' as never))
        .thenRefused({ category: 'invalid', code: 'unknown-discharge-reason', field: '/reasonCode' });
    });
    it('refuses before the referral is accepted, and reports another provider’s referral as not found', () => {
      given([received]).when(discharge('2025-03-06')).thenRefused({ category: 'conflict', code: 'referral-not-accepted' });
      given([received, accepted]).when(discharge('2025-03-06'), otherProvider).thenRefused({ category: 'not-found', code: 'referral-not-found' });
    });
    it('refuses further care on the referral once discharged: screening, IPS and treatment', () => {
      const after = [received, accepted, started, ended, discharged];
      given(after)
        .when({ type: 'StartTreatmentEpisode', data: { startDate: '2025-03-07' } })
        .thenRefused({ category: 'conflict', code: 'client-discharged' });
      given(after).when({ type: 'StartScreening', data: {} }).thenRefused({ category: 'conflict', code: 'client-discharged' });
      given(after)
        .when({ type: 'AssignIpsJobCoach', data: { jobCoachId: 'coach-2' } })
        .thenRefused({ category: 'conflict', code: 'client-discharged' });
    });
    it('evolves to a state that remembers the discharge date', () => {
      expect(given([received, accepted, discharged]).state).toMatchObject({ status: 'accepted', dischargedOn: '2025-03-06' });
    });
  });

  it('evolves to a state that remembers advice, coach, sessions and episodes', () => {
    const state = given([received, accepted, screeningStarted, adviceSubmitted, coachAssigned, { type: 'IpsIntakeSessionRecorded', data: { ...ref, sessionNumber: 3, heldOn: '2025-03-09' } }]).state;
    expect(state).toMatchObject({ status: 'accepted', screening: { status: 'advised', advice: { advisedRoute: 'ips' } }, jobCoachId: 'coach-1', ipsSessions: [3] });
  });
});
