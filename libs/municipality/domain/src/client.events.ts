// Events of the client stream (`client-<clientKey>`). Private to the municipality:
// the BSN and the name are stored sealed (AES-256-GCM, sealed by the service before
// the decider sees the command), so the event store never holds them in clear text.
import type { BenefitType, EducationLevel, HousingSituation, Sex } from './code-lists';

/** What the chain may know about a client: demographics without identity (DOMAIN.md ClientRegistered). */
export interface ClientProfile {
  readonly birthYear: number;
  readonly sex: Sex;
  readonly education: EducationLevel;
  readonly benefitType: BenefitType;
  /** Monthly benefit in euro cents; 0 when benefitType is 'none'. */
  readonly benefitMonthlyAmountCents: number;
  readonly housing: HousingSituation;
}

export interface ClientRegistered {
  readonly type: 'ClientRegistered';
  readonly data: {
    readonly clientKey: string;
    readonly municipalityId: string;
    /** The BSN, sealed with the service's encryption key; never leaves this context. */
    readonly sealedBsn: string;
    /** The client's name, sealed likewise, when the client manager recorded it. */
    readonly sealedName?: string;
    readonly profile: ClientProfile;
  };
}

export type ClientEvent = ClientRegistered;
