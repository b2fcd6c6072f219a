// The care-claim stream (`care-claim-<claimId>`): what the care provider claimed from
// the insurer against a granted funding request, and how the insurer answered.
import type { DomainEvent } from '@wcc/domain-kit';
import type { CareFundingInstrument } from './care-funding.events';

export interface CareClaimRef {
  readonly claimId: string;
  readonly fundingRequestId: string;
  readonly referralId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly organisationId: string;
  readonly insurerId: string;
}

export type CareClaimSubmitted = DomainEvent<
  'CareClaimSubmitted',
  CareClaimRef & {
    readonly instrument: CareFundingInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
  }
>;

export type CareClaimSettled = DomainEvent<'CareClaimSettled', CareClaimRef & { readonly amountCents: number; readonly settledOn: string }>;

export type CareClaimRejected = DomainEvent<'CareClaimRejected', CareClaimRef & { readonly reason: string; readonly detail: string }>;

export type CareClaimEvent = CareClaimSubmitted | CareClaimSettled | CareClaimRejected;
