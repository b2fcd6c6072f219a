import type { Command } from '@wcc/domain-kit';
import type { CoachedJob } from '@wcc/shared-kernel';
import type { CareFundingInstrument } from './care-funding.events';
import type { ReferralState } from './referral.decider';

/**
 * Ask an insurer to fund care. The handler loads the referral and passes its state in,
 * so the decider can check it is this provider's and accepted.
 */
export type RequestCareFunding = Command<
  'RequestCareFunding',
  {
    readonly referral: ReferralState;
    readonly insurerId: string;
    readonly instrument: CareFundingInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    /** Required for job coaching, refused for the other instruments. */
    readonly job?: CoachedJob;
  }
>;

/** From the insurer's CareFundingGranted. */
export type RecordCareFundingGranted = Command<
  'RecordCareFundingGranted',
  { readonly insurerId: string; readonly grantedUnits: number; readonly grantedAmountCents: number; readonly periodFrom: string; readonly periodTo: string }
>;

/** From the insurer's CareFundingRefused. */
export type RecordCareFundingRefused = Command<'RecordCareFundingRefused', { readonly insurerId: string; readonly reasonCode: string; readonly reason: string }>;

export type CareFundingCommand = RequestCareFunding | RecordCareFundingGranted | RecordCareFundingRefused;
