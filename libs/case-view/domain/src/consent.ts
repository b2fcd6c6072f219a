// The client's consents as the case view knows them (ConsentGranted / ConsentWithdrawn
// from the municipality). Whether one is active is decided when someone looks, against
// the date of looking, so a withdrawal hides what was already projected at once.
//
// A consent names organisations, not kinds of organisation. One that lists recipients
// covers exactly those organisations. One without (every consent given before recipients
// existed, and one given "to the case team") covers the organisations of its types that
// take part in the case when someone looks — the upcast rule for per-type consents,
// which narrows them to the case team and never widens them.
import type { Viewer, DataCategory, IsoDate, PartnerOrganisationType } from './vocabulary';

/** The only purpose the case view serves (report 002 §3.2.6: protocolled exchange for chain coordination). */
export const caseViewPurpose = 'chain-coordination';

export interface ConsentRecipient {
  readonly organisationId: string;
  readonly organisationType: PartnerOrganisationType;
}

export interface ConsentRecord {
  readonly consentId: string;
  readonly purpose: string;
  readonly organisationTypes: readonly PartnerOrganisationType[];
  /** Named recipients; null: the case team of `organisationTypes`. */
  readonly recipients: readonly ConsentRecipient[] | null;
  /** The client's choice to let the named employer networks know they take part in IPS (and nothing more). */
  readonly disclosesIpsParticipation: boolean;
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

/** Does the consent name this viewer's organisation (directly, or as a member of the case team)? */
export function consentNamesViewer(consent: ConsentRecord, viewer: Pick<Viewer, 'organisationId' | 'organisationType'>, inCaseTeam: boolean): boolean {
  if (!(consent.organisationTypes as readonly string[]).includes(viewer.organisationType)) return false;
  if (consent.recipients === null) return inCaseTeam;
  return consent.recipients.some((r) => r.organisationId === viewer.organisationId && r.organisationType === viewer.organisationType);
}

/** The active consents that let this viewer's organisation see `category`. */
export function consentsCovering(
  consents: readonly ConsentRecord[],
  viewer: Pick<Viewer, 'organisationId' | 'organisationType'>,
  inCaseTeam: boolean,
  category: DataCategory,
  today: IsoDate,
): ConsentRecord[] {
  return consents.filter((c) => isActive(c, today) && consentNamesViewer(c, viewer, inCaseTeam) && c.dataCategories.includes(category));
}

/**
 * The active consents by which the client chose to tell this employer network, named by
 * id, that they take part in IPS (IPS practice: the client decides on disclosure).
 */
export function ipsDisclosuresTo(consents: readonly ConsentRecord[], viewer: Pick<Viewer, 'organisationId' | 'organisationType'>, today: IsoDate): ConsentRecord[] {
  return consents.filter(
    (c) =>
      c.disclosesIpsParticipation &&
      isActive(c, today) &&
      viewer.organisationType === 'employer-network' &&
      (c.recipients ?? []).some((r) => r.organisationId === viewer.organisationId && r.organisationType === 'employer-network'),
  );
}
