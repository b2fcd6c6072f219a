import { describe, expect, it } from 'vitest';
import type { CareClaimCommand } from './care-claim.commands';
import { careClaimDecider, claimIdFor } from './care-claim.decider';
import type { CareClaimEvent } from './care-claim.events';
import { careFundingDecider, type CareFundingState } from './care-funding.decider';
import type { CareFundingEvent, CareFundingInstrument } from './care-funding.events';
import { decideGiven, expectRefusal, metadataFor, stateAfter } from './spec-helpers';

const fundingRef = { fundingRequestId: 'f-1', referralId: 'r-1', caseId: 'case-1', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland', insurerId: 'achmea' };
const requested: CareFundingEvent = { type: 'CareFundingRequested', data: { ...fundingRef, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } };
const granted: CareFundingEvent = { type: 'CareFundingGranted', data: { ...fundingRef, grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } };
const grantedFunding = stateAfter(careFundingDecider, [requested, granted]);
const pendingFunding = stateAfter(careFundingDecider, [requested]);
const refusedFunding = stateAfter(careFundingDecider, [requested, { type: 'CareFundingRefused', data: { ...fundingRef, reasonCode: 'other', reason: 'No.' } }]);
const me = metadataFor('ggz-delfland');
const insurer = metadataFor('achmea', 'insurer');

const claimData: { instrument: CareFundingInstrument; units: number; amountCents: number; periodFrom: string; periodTo: string } = { instrument: 'ips-intake', units: 4, amountCents: 36_800, periodFrom: '2025-04-01', periodTo: '2025-04-30' };
const submit = (data: Partial<typeof claimData> = {}, funding: CareFundingState = grantedFunding): CareClaimCommand => ({ type: 'SubmitCareClaim', data: { funding, ...claimData, ...data } });
const claimRef = { ...fundingRef, claimId: claimIdFor(me.commandId) };
const submitted: CareClaimEvent = { type: 'CareClaimSubmitted', data: { ...claimRef, ...claimData } };

const decide = (given: readonly CareClaimEvent[], command: CareClaimCommand, metadata = me) => decideGiven(careClaimDecider, given, command, metadata);

describe('care-claim decider', () => {
  describe('SubmitCareClaim', () => {
    it('claims against granted funding', () => {
      expect(decide([], submit())).toEqual([submitted]);
    });
    it('refuses while the funding is not granted', () => {
      expectRefusal(decide([], submit({}, pendingFunding)), 'conflict', 'funding-not-granted');
    });
    it('refuses against refused funding', () => {
      expectRefusal(decide([], submit({}, refusedFunding)), 'conflict', 'funding-refused');
    });
    it("reports another provider's funding as not found", () => {
      expectRefusal(decide([], submit(), metadataFor('ggz-rivierduinen')), 'not-found', 'funding-request-not-found');
    });
    it('refuses another instrument', () => {
      expectRefusal(decide([], submit({ instrument: 'job-coaching' })), 'invalid', 'instrument-mismatch', '/instrument');
    });
    it('refuses more units than granted and a period outside the grant', () => {
      expectRefusal(decide([], submit({ units: 9 })), 'invalid', 'more-than-granted', '/units');
      expectRefusal(decide([], submit({ periodTo: '2025-07-31' })), 'invalid', 'outside-granted-period', '/periodTo');
    });
  });

  describe('insurer answers', () => {
    it('records a settlement, once', () => {
      const settled: CareClaimEvent = { type: 'CareClaimSettled', data: { ...claimRef, amountCents: 36_800, settledOn: '2025-05-02' } };
      expect(decide([submitted], { type: 'RecordCareClaimSettled', data: { insurerId: 'achmea', amountCents: 36_800, settledOn: '2025-05-02' } }, insurer)).toEqual([settled]);
      expect(decide([submitted, settled], { type: 'RecordCareClaimSettled', data: { insurerId: 'achmea', amountCents: 36_800, settledOn: '2025-05-02' } }, insurer)).toEqual([]);
    });
    it('records a rejection with its reason', () => {
      expect(decide([submitted], { type: 'RecordCareClaimRejected', data: { reason: 'over-budget', detail: 'Grant used up.' } }, insurer)).toEqual([
        { type: 'CareClaimRejected', data: { ...claimRef, reason: 'over-budget', detail: 'Grant used up.' } },
      ]);
    });
    it('refuses a rejection after settlement and an answer from another insurer', () => {
      const settled: CareClaimEvent = { type: 'CareClaimSettled', data: { ...claimRef, amountCents: 36_800, settledOn: '2025-05-02' } };
      expectRefusal(decide([submitted, settled], { type: 'RecordCareClaimRejected', data: { reason: 'over-budget', detail: 'x' } }, insurer), 'conflict', 'claim-already-settled');
      expectRefusal(decide([submitted], { type: 'RecordCareClaimSettled', data: { insurerId: 'cz', amountCents: 1, settledOn: '2025-05-02' } }, insurer), 'forbidden', 'not-the-claimed-insurer');
    });
    it('refuses an answer to an unknown claim', () => {
      expectRefusal(decide([], { type: 'RecordCareClaimRejected', data: { reason: 'not-granted', detail: 'x' } }, insurer), 'not-found', 'claim-not-found');
    });
  });
});
