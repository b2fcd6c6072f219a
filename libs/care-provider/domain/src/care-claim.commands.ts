import type { Command } from '@wcc/domain-kit';
import type { CareFundingState } from './care-funding.decider';
import type { CareFundingInstrument } from './care-funding.events';

/** Claim delivered care. The handler passes the funding request's state in. */
export type SubmitCareClaim = Command<
  'SubmitCareClaim',
  {
    readonly funding: CareFundingState;
    readonly instrument: CareFundingInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
  }
>;

/** From the insurer's CareClaimSettled. */
export type RecordCareClaimSettled = Command<'RecordCareClaimSettled', { readonly insurerId?: string; readonly amountCents: number; readonly settledOn: string }>;

/** From the insurer's CareClaimRejected. */
export type RecordCareClaimRejected = Command<'RecordCareClaimRejected', { readonly insurerId?: string; readonly reason: string; readonly detail: string }>;

export type CareClaimCommand = SubmitCareClaim | RecordCareClaimSettled | RecordCareClaimRejected;
