// The insurer's private record of one funding request (stream `care-funding-<id>`):
// the request as received, the contract manager's decision and every claim against it.
// Each event repeats caseId and clientKey, so it can be mapped on its own.
import type { CoachedJob } from '@wcc/shared-kernel';
import type { FundedInstrument } from './tariffs';

export const FUNDING_REFUSAL_REASONS = [
  'not-covered',
  'not-insured',
  'insufficient-justification',
  'duplicate-request',
  'budget-exhausted',
  // Job coaching under report 002 §5.1.4 (see tariffs.ts): refused on arrival by the tariff, or by a contract manager.
  'job-details-missing',
  'contract-too-short',
  'contract-hours-too-low',
  'outside-coaching-years',
  'other',
] as const;
export type FundingRefusalReason = (typeof FUNDING_REFUSAL_REASONS)[number];

export const CLAIM_REJECTION_REASONS = ['not-granted', 'over-budget', 'outside-period', 'instrument-mismatch', 'above-tariff', 'invalid-period'] as const;
export type ClaimRejectionReason = (typeof CLAIM_REJECTION_REASONS)[number];

interface CaseRef {
  readonly fundingRequestId: string;
  readonly caseId: string;
  readonly clientKey: string;
}

export interface CareFundingRequestReceived {
  readonly type: 'CareFundingRequestReceived';
  readonly data: CaseRef & {
    readonly insurerId: string;
    /** The requesting care provider, as far as the request says. */
    readonly careProviderId: string;
    readonly instrument: FundedInstrument;
    readonly requestedUnits: number;
    readonly requestedAmountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    /** The job a job-coaching request is for; absent for other instruments, and on requests received before it was asked. */
    readonly job?: CoachedJob;
  };
}

export interface CareFundingGranted {
  readonly type: 'CareFundingGranted';
  readonly data: CaseRef & {
    /** The care provider the answer goes to (the requester, or the claimant); absent on answers recorded before it was kept. */
    readonly careProviderId?: string;
    readonly insurerId: string;
    readonly instrument: FundedInstrument;
    readonly grantedUnits: number;
    readonly grantedAmountCents: number;
    readonly unitPriceCents?: number;
    readonly tariffVersion: string;
    readonly periodFrom: string;
    readonly periodTo: string;
    /** The contract manager who decided. */
    readonly decidedBy: string;
  };
}

export interface CareFundingRefused {
  readonly type: 'CareFundingRefused';
  readonly data: CaseRef & {
    /** The care provider the answer goes to (the requester, or the claimant); absent on answers recorded before it was kept. */
    readonly careProviderId?: string;
    readonly insurerId: string;
    readonly instrument: FundedInstrument;
    readonly reasonCode: FundingRefusalReason;
    readonly reason: string;
    /** The contract manager who decided, or `tariff:<version>` when the request failed the tariff's rule on arrival. */
    readonly decidedBy: string;
  };
}

export interface CareClaimSettled {
  readonly type: 'CareClaimSettled';
  readonly data: CaseRef & {
    /** The care provider the answer goes to (the requester, or the claimant); absent on answers recorded before it was kept. */
    readonly careProviderId?: string;
    readonly claimId: string;
    readonly insurerId: string;
    readonly instrument: FundedInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly settledOn: string;
    readonly remainingUnits: number;
    readonly remainingAmountCents: number;
  };
}

export interface CareClaimRejected {
  readonly type: 'CareClaimRejected';
  readonly data: CaseRef & {
    /** The care provider the answer goes to (the requester, or the claimant); absent on answers recorded before it was kept. */
    readonly careProviderId?: string;
    readonly claimId: string;
    /** The insurer the claim was addressed to. */
    readonly insurerId: string;
    readonly instrument: FundedInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly reason: ClaimRejectionReason;
    readonly detail: string;
  };
}

export type CareFundingEvent = CareFundingRequestReceived | CareFundingGranted | CareFundingRefused | CareClaimSettled | CareClaimRejected;
