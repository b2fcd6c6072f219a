// The client's consents as the case view knows them (ConsentGranted / ConsentWithdrawn
// from the municipality). Whether one is active is decided when someone looks, against
// the date of looking, so a withdrawal hides what was already projected at once.
import type { DataCategory, IsoDate, PartnerOrganisationType, ViewerOrganisationType } from './vocabulary';

/** The only purpose the case view serves (report 002 §3.2.6: protocolled exchange for chain coordination). */
export const caseViewPurpose = 'chain-coordination';

export interface ConsentRecord {
  readonly consentId: string;
  readonly purpose: string;
  readonly organisationTypes: readonly PartnerOrganisationType[];
  readonly dataCategories: readonly DataCategory[];
  /** Absent when only the withdrawal is known (granted before this projection's history). */
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly grantedAt: string | null;
  readonly withdrawnAt: string | null;
}

/** Granted, not withdrawn, for chain coordination, and valid on `today` (validTo inclusive). */
export function isActive(consent: ConsentRecord, today: IsoDate): boolean {
  if (consent.withdrawnAt !== null || consent.validFrom === null) return false;
  if (consent.purpose !== caseViewPurpose) return false;
  if (today < consent.validFrom) return false;
  return consent.validTo === null || today <= consent.validTo;
}

/** The active consents that let organisations of `organisationType` see `category`. */
export function consentsCovering(
  consents: readonly ConsentRecord[],
  organisationType: ViewerOrganisationType,
  category: DataCategory,
  today: IsoDate,
): ConsentRecord[] {
  return consents.filter(
    (c) => isActive(c, today) && (c.organisationTypes as readonly string[]).includes(organisationType) && c.dataCategories.includes(category),
  );
}
