import { describe, expect, it } from 'vitest';
import type { CareFundingCommand } from './care-funding.commands';
import { careFundingDecider, fundingRequestIdFor } from './care-funding.decider';
import type { CareFundingEvent } from './care-funding.events';
import { referralDecider } from './referral.decider';
import type { ReferralEvent, ReferralRef } from './referral.events';
import { decideGiven, expectRefusal, metadataFor, stateAfter } from './spec-helpers';

const ref: ReferralRef = { referralId: 'r-1', caseId: 'case-1', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland' };
const received: ReferralEvent = {
  type: 'ReferralReceived',
  data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', route: 'ips', reason: 'IPS', replyDeadline: '2025-03-17', referredAt: '2025-03-03T09:15:00Z' },
};
const acceptedReferral = stateAfter(referralDecider, [received, { type: 'ReferralAccepted', data: ref }]);
const pendingReferral = stateAfter(referralDecider, [received]);
const me = metadataFor('ggz-delfland');
const insurer = metadataFor('achmea', 'insurer');

const requestData = { insurerId: 'achmea', instrument: 'ips-intake' as const, units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' };
const requestCommand = (data: Partial<typeof requestData> = {}, referral = acceptedReferral): CareFundingCommand => ({
  type: 'RequestCareFunding',
  data: { referral, ...requestData, ...data },
});
const fundingRequestId = fundingRequestIdFor(me.commandId);
const fundingRef = { fundingRequestId, referralId: 'r-1', caseId: 'case-1', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland', insurerId: 'achmea' };
const requested: CareFundingEvent = { type: 'CareFundingRequested', data: { ...fundingRef, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } };
const grant = { insurerId: 'achmea', grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' };
const granted: CareFundingEvent = { type: 'CareFundingGranted', data: { ...fundingRef, grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } };

const decide = (given: readonly CareFundingEvent[], command: CareFundingCommand, metadata = me) => decideGiven(careFundingDecider, given, command, metadata);

describe('care-funding decider', () => {
  describe('RequestCareFunding', () => {
    it('requests funding for an accepted referral, with an id from the command id', () => {
      expect(decide([], requestCommand())).toEqual([requested]);
    });
    it('does nothing when the same command comes again', () => {
      expect(decide([requested], requestCommand())).toEqual([]);
    });
    it('refuses for a referral that is not accepted', () => {
      expectRefusal(decide([], requestCommand({}, pendingReferral)), 'conflict', 'referral-not-accepted');
    });
    it("refuses another provider's referral as not found", () => {
      expectRefusal(decide([], requestCommand(), metadataFor('ggz-rivierduinen')), 'not-found', 'referral-not-found');
    });
    it('refuses a period that ends before it starts', () => {
      expectRefusal(decide([], requestCommand({ periodTo: '2025-03-31' })), 'invalid', 'period-end-before-start', '/periodTo');
    });
    it('refuses more than eight IPS intake sessions', () => {
      expectRefusal(decide([], requestCommand({ units: 9 })), 'invalid', 'too-many-intake-sessions', '/units');
    });
  });

  describe('RecordCareFundingGranted', () => {
    it('records the grant of the asked insurer', () => {
      expect(decide([requested], { type: 'RecordCareFundingGranted', data: grant }, insurer)).toEqual([granted]);
    });
    it('is idempotent', () => {
      expect(decide([requested, granted], { type: 'RecordCareFundingGranted', data: grant }, insurer)).toEqual([]);
    });
    it('refuses a grant from another insurer', () => {
      expectRefusal(decide([requested], { type: 'RecordCareFundingGranted', data: { ...grant, insurerId: 'cz' } }, insurer), 'forbidden', 'not-the-asked-insurer');
    });
    it('refuses an unknown request', () => {
      expectRefusal(decide([], { type: 'RecordCareFundingGranted', data: grant }, insurer), 'not-found', 'funding-request-not-found');
    });
  });

  describe('RecordCareFundingRefused', () => {
    const refuse: CareFundingCommand = { type: 'RecordCareFundingRefused', data: { insurerId: 'achmea', reasonCode: 'not-covered', reason: 'Municipality pays job coaching.' } };
    it('records the refusal', () => {
      expect(decide([requested], refuse, insurer)).toEqual([{ type: 'CareFundingRefused', data: { ...fundingRef, reasonCode: 'not-covered', reason: 'Municipality pays job coaching.' } }]);
    });
    it('refuses a refusal after a grant', () => {
      expectRefusal(decide([requested, granted], refuse, insurer), 'conflict', 'funding-already-granted');
    });
  });
});
