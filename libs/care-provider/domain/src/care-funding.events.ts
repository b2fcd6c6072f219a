// The care-funding stream (`care-funding-<fundingRequestId>`): a request to a health
// insurer to fund an instrument for one client, and the insurer's answer as received
// from its CareFundingGranted / CareFundingRefused.
import type { DomainEvent } from '@wcc/domain-kit';
import type { CoachedJob } from '@wcc/shared-kernel';

/** IPS intake phase (per session), a DBC care product, job coaching (per hour). */
export const CARE_FUNDING_INSTRUMENTS = ['ips-intake', 'dbc-care-product', 'job-coaching'] as const;
export type CareFundingInstrument = (typeof CARE_FUNDING_INSTRUMENTS)[number];

export interface CareFundingRef {
  readonly fundingRequestId: string;
  readonly referralId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly organisationId: string;
  readonly insurerId: string;
}

export type CareFundingRequested = DomainEvent<
  'CareFundingRequested',
  CareFundingRef & {
    readonly instrument: CareFundingInstrument;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    /** Job coaching only: the job it is for (report 002 §5.1.4 funds it by the job's contract hours and year). */
    readonly job?: CoachedJob;
  }
>;

export type CareFundingGranted = DomainEvent<
  'CareFundingGranted',
  CareFundingRef & {
    readonly grantedUnits: number;
    readonly grantedAmountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
  }
>;

export type CareFundingRefused = DomainEvent<'CareFundingRefused', CareFundingRef & { readonly reasonCode: string; readonly reason: string }>;

export type CareFundingEvent = CareFundingRequested | CareFundingGranted | CareFundingRefused;
