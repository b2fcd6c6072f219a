import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { CareFundingCommand } from './care-funding.commands';
import { careFundingDecider, fundingRequestIdFor } from './care-funding.decider';
import type { CareFundingEvent } from './care-funding.events';
import { referralDecider } from './referral.decider';
import type { ReferralEvent, ReferralRef } from './referral.events';
import { metadataFor } from './testing/actors';

const ref: ReferralRef = { referralId: 'r-1', caseId: 'case-1', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland' };
const received: ReferralEvent = {
  type: 'ReferralReceived',
  data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', route: 'ips', reason: 'IPS', replyDeadline: '2025-03-17', referredAt: '2025-03-03T09:15:00Z' },
};
/** The referral a funding request is checked against, as the handler loads it. */
const referralAfter = deciderSpec(referralDecider);
const acceptedReferral = referralAfter([received, { type: 'ReferralAccepted', data: ref }]).state;
const pendingReferral = referralAfter([received]).state;
const me = metadataFor('ggz-delfland');
const insurer = metadataFor('achmea', 'insurer');

const requestData = { insurerId: 'achmea', instrument: 'ips-intake' as const, units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' };
const requestCommand = (data: Partial<typeof requestData> = {}, referral = acceptedReferral): CareFundingCommand => ({
  type: 'RequestCareFunding',
  data: { referral, ...requestData, ...data },
});
const fundingRequestId = fundingRequestIdFor(me.commandId);
const fundingRef = { fundingRequestId, referralId: 'r-1', caseId: 'case-1', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland', insurerId: 'achmea' };
const requested: CareFundingEvent = {
  type: 'CareFundingRequested',
  data: { ...fundingRef, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' },
};
const grant = { insurerId: 'achmea', grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' };
const granted: CareFundingEvent = { type: 'CareFundingGranted', data: { ...fundingRef, grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } };

const given = deciderSpec(careFundingDecider, { metadata: me });

describe('care-funding decider', () => {
  describe('RequestCareFunding', () => {
    it('requests funding for an accepted referral, with an id from the command id', () => {
      given([]).when(requestCommand()).then([requested]);
    });
    it('does nothing when the same command comes again', () => {
      given([requested]).when(requestCommand()).then([]);
    });
    it('refuses for a referral that is not accepted', () => {
      given([]).when(requestCommand({}, pendingReferral)).thenRefused({ category: 'conflict', code: 'referral-not-accepted' });
    });
    it("refuses another provider's referral as not found", () => {
      given([]).when(requestCommand(), metadataFor('ggz-rivierduinen')).thenRefused({ category: 'not-found', code: 'referral-not-found' });
    });
    it('refuses a period that ends before it starts', () => {
      given([])
        .when(requestCommand({ periodTo: '2025-03-31' }))
        .thenRefused({ category: 'invalid', code: 'period-end-before-start', field: '/periodTo' });
    });
    it('refuses more than eight IPS intake sessions', () => {
      given([])
        .when(requestCommand({ units: 9 }))
        .thenRefused({ category: 'invalid', code: 'too-many-intake-sessions', field: '/units' });
    });
  });

  describe('RequestCareFunding for job coaching', () => {
    const job = { hoursPerWeek: 24, contractMonths: 12, startDate: '2025-03-17' };
    const coaching = { instrument: 'job-coaching' as const, units: 40, amountCents: 368_000 };
    const jobCoaching = (overrides: Partial<typeof job> | null = {}): CareFundingCommand => ({
      type: 'RequestCareFunding',
      data: { referral: acceptedReferral, ...requestData, ...coaching, ...(overrides === null ? {} : { job: { ...job, ...overrides } }) },
    });

    it('requests it with the job it is for, as the insurer needs it', () => {
      given([])
        .when(jobCoaching())
        .then([{ type: 'CareFundingRequested', data: { ...fundingRef, ...coaching, periodFrom: '2025-04-01', periodTo: '2025-06-30', job } }]);
    });

    it('leaves whether the job qualifies to the insurer: an 11-hour, 5-month job is asked for all the same', () => {
      expect(given([]).when(jobCoaching({ hoursPerWeek: 11, contractMonths: 5 })).events).toMatchObject([{ type: 'CareFundingRequested', data: { job: { hoursPerWeek: 11, contractMonths: 5 } } }]);
    });

    it('refuses job coaching without the job, naming /job', () => {
      given([]).when(jobCoaching(null)).thenRefused({ category: 'invalid', code: 'job-required', field: '/job' });
    });

    it('refuses a job on a request for another instrument', () => {
      given([])
        .when(requestCommand({ job } as Partial<typeof requestData>))
        .thenRefused({ category: 'invalid', code: 'job-not-asked', field: '/job' });
    });

    it.each([
      [{ hoursPerWeek: 24.3 }, '/job/hoursPerWeek'],
      [{ hoursPerWeek: 49 }, '/job/hoursPerWeek'],
      [{ contractMonths: 0 }, '/job/contractMonths'],
      [{ contractMonths: 6.5 }, '/job/contractMonths'],
      [{ startDate: '2025-02-30' }, '/job/startDate'],
    ] as [Partial<typeof job>, string][])('refuses a job of %o, naming %s', (bad, field) => {
      given([]).when(jobCoaching(bad)).thenRefused({ category: 'invalid', field });
    });

    it('refuses a job that starts after the coaching period ends', () => {
      given([])
        .when(jobCoaching({ startDate: '2025-07-01' }))
        .thenRefused({ category: 'invalid', code: 'job-starts-after-period', field: '/job/startDate' });
    });
  });

  describe('RecordCareFundingGranted', () => {
    it('records the grant of the asked insurer', () => {
      given([requested]).when({ type: 'RecordCareFundingGranted', data: grant }, insurer).then([granted]);
    });
    it('is idempotent', () => {
      given([requested, granted]).when({ type: 'RecordCareFundingGranted', data: grant }, insurer).then([]);
    });
    it('refuses a grant from another insurer', () => {
      given([requested])
        .when({ type: 'RecordCareFundingGranted', data: { ...grant, insurerId: 'cz' } }, insurer)
        .thenRefused({ category: 'forbidden', code: 'not-the-asked-insurer' });
    });
    it('refuses an unknown request', () => {
      given([]).when({ type: 'RecordCareFundingGranted', data: grant }, insurer).thenRefused({ category: 'not-found', code: 'funding-request-not-found' });
    });
  });

  describe('RecordCareFundingRefused', () => {
    const refuse: CareFundingCommand = { type: 'RecordCareFundingRefused', data: { insurerId: 'achmea', reasonCode: 'not-covered', reason: 'Municipality pays job coaching.' } };
    it('records the refusal', () => {
      given([requested])
        .when(refuse, insurer)
        .then([{ type: 'CareFundingRefused', data: { ...fundingRef, reasonCode: 'not-covered', reason: 'Municipality pays job coaching.' } }]);
    });
    it('refuses a refusal after a grant', () => {
      given([requested, granted]).when(refuse, insurer).thenRefused({ category: 'conflict', code: 'funding-already-granted' });
    });
  });
});
