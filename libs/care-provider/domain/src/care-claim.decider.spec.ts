import { describe, it } from 'vitest';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { CareClaimCommand } from './care-claim.commands';
import { careClaimDecider, claimIdFor } from './care-claim.decider';
import type { CareClaimEvent } from './care-claim.events';
import { careFundingDecider, type CareFundingState } from './care-funding.decider';
import type { CareFundingEvent, CareFundingInstrument } from './care-funding.events';
import { metadataFor } from './testing/actors';

const fundingRef = { fundingRequestId: 'f-1', referralId: 'r-1', caseId: 'case-1', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland', insurerId: 'achmea' };
const requested: CareFundingEvent = {
  type: 'CareFundingRequested',
  data: { ...fundingRef, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' },
};
const granted: CareFundingEvent = { type: 'CareFundingGranted', data: { ...fundingRef, grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } };
/** The funding request a claim is checked against, as the handler loads it. */
const fundingAfter = deciderSpec(careFundingDecider);
const grantedFunding = fundingAfter([requested, granted]).state;
const pendingFunding = fundingAfter([requested]).state;
const refusedFunding = fundingAfter([requested, { type: 'CareFundingRefused', data: { ...fundingRef, reasonCode: 'other', reason: 'No.' } }]).state;
const me = metadataFor('ggz-delfland');
const insurer = metadataFor('achmea', 'insurer');

const claimData: { instrument: CareFundingInstrument; units: number; amountCents: number; periodFrom: string; periodTo: string } = {
  instrument: 'ips-intake',
  units: 4,
  amountCents: 36_800,
  periodFrom: '2025-04-01',
  periodTo: '2025-04-30',
};
const submit = (data: Partial<typeof claimData> = {}, funding: CareFundingState = grantedFunding): CareClaimCommand => ({ type: 'SubmitCareClaim', data: { funding, ...claimData, ...data } });
const claimRef = { ...fundingRef, claimId: claimIdFor(me.commandId) };
const submitted: CareClaimEvent = { type: 'CareClaimSubmitted', data: { ...claimRef, ...claimData } };

const given = deciderSpec(careClaimDecider, { metadata: me });

describe('care-claim decider', () => {
  describe('SubmitCareClaim', () => {
    it('claims against granted funding', () => {
      given([]).when(submit()).then([submitted]);
    });
    it('refuses while the funding is not granted', () => {
      given([]).when(submit({}, pendingFunding)).thenRefused({ category: 'conflict', code: 'funding-not-granted' });
    });
    it('refuses against refused funding', () => {
      given([]).when(submit({}, refusedFunding)).thenRefused({ category: 'conflict', code: 'funding-refused' });
    });
    it("reports another provider's funding as not found", () => {
      given([]).when(submit(), metadataFor('ggz-rivierduinen')).thenRefused({ category: 'not-found', code: 'funding-request-not-found' });
    });
    it('refuses another instrument', () => {
      given([])
        .when(submit({ instrument: 'job-coaching' }))
        .thenRefused({ category: 'invalid', code: 'instrument-mismatch', field: '/instrument' });
    });
    it('refuses more units than granted and a period outside the grant', () => {
      given([])
        .when(submit({ units: 9 }))
        .thenRefused({ category: 'invalid', code: 'more-than-granted', field: '/units' });
      given([])
        .when(submit({ periodTo: '2025-07-31' }))
        .thenRefused({ category: 'invalid', code: 'outside-granted-period', field: '/periodTo' });
    });
  });

  describe('insurer answers', () => {
    it('records a settlement, once', () => {
      const settled: CareClaimEvent = { type: 'CareClaimSettled', data: { ...claimRef, amountCents: 36_800, settledOn: '2025-05-02' } };
      given([submitted])
        .when({ type: 'RecordCareClaimSettled', data: { insurerId: 'achmea', amountCents: 36_800, settledOn: '2025-05-02' } }, insurer)
        .then([settled]);
      given([submitted, settled])
        .when({ type: 'RecordCareClaimSettled', data: { insurerId: 'achmea', amountCents: 36_800, settledOn: '2025-05-02' } }, insurer)
        .then([]);
    });
    it('records a rejection with its reason', () => {
      given([submitted])
        .when({ type: 'RecordCareClaimRejected', data: { reason: 'over-budget', detail: 'Grant used up.' } }, insurer)
        .then([{ type: 'CareClaimRejected', data: { ...claimRef, reason: 'over-budget', detail: 'Grant used up.' } }]);
    });
    it('refuses a rejection after settlement and an answer from another insurer', () => {
      const settled: CareClaimEvent = { type: 'CareClaimSettled', data: { ...claimRef, amountCents: 36_800, settledOn: '2025-05-02' } };
      given([submitted, settled])
        .when({ type: 'RecordCareClaimRejected', data: { reason: 'over-budget', detail: 'x' } }, insurer)
        .thenRefused({ category: 'conflict', code: 'claim-already-settled' });
      given([submitted])
        .when({ type: 'RecordCareClaimSettled', data: { insurerId: 'cz', amountCents: 1, settledOn: '2025-05-02' } }, insurer)
        .thenRefused({ category: 'forbidden', code: 'not-the-claimed-insurer' });
    });
    it('refuses an answer to an unknown claim', () => {
      given([])
        .when({ type: 'RecordCareClaimRejected', data: { reason: 'not-granted', detail: 'x' } }, insurer)
        .thenRefused({ category: 'not-found', code: 'claim-not-found' });
    });
  });
});
