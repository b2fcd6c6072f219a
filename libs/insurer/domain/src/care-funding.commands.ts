// Commands on a funding request. Registering the request and submitting a claim come
// from the care provider over Kafka; granting and refusing from a contract manager.
import type { CoachedJob } from '@wcc/shared-kernel';
import type { FundingRefusalReason } from './care-funding.events';
import type { FundedInstrument } from './tariffs';

export interface RegisterCareFundingRequest {
  readonly type: 'RegisterCareFundingRequest';
  readonly data: {
    readonly fundingRequestId: string;
    readonly caseId: string;
    readonly clientKey: string;
    readonly insurerId: string;
    readonly careProviderId: string;
    readonly instrument: FundedInstrument;
    readonly requestedUnits: number;
    readonly requestedAmountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    /** The job a job-coaching request is for, as the care provider stated it. */
    readonly job?: CoachedJob;
  };
}

export interface GrantCareFunding {
  readonly type: 'GrantCareFunding';
  readonly data: {
    readonly grantedUnits: number;
    /** Defaults to units × tariff price (at most what was requested). Required when the tariff has no unit price. */
    readonly grantedAmountCents?: number;
    readonly periodFrom: string;
    readonly periodTo: string;
  };
}

export interface RefuseCareFunding {
  readonly type: 'RefuseCareFunding';
  readonly data: {
    readonly reasonCode: FundingRefusalReason;
    readonly reason: string;
  };
}

export interface SubmitCareClaim {
  readonly type: 'SubmitCareClaim';
  readonly data: {
    readonly claimId: string;
    readonly fundingRequestId: string;
    readonly caseId: string;
    readonly clientKey: string;
    /** The insurer the claim is addressed to. */
    readonly insurerId: string;
    /** The claiming care provider. */
    readonly careProviderId: string;
    readonly instrument: FundedInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
  };
}

export type CareFundingCommand = RegisterCareFundingRequest | GrantCareFunding | RefuseCareFunding | SubmitCareClaim;
