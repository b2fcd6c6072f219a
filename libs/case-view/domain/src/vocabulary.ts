// The words the case view works with: who views (organisation type and role, as the
// token says) and which organisations produce the items of a case.
import type { DataCategory, ViewerOrganisationType, ViewerRole } from '@wcc/contracts';

export type { DataCategory, ViewerOrganisationType, ViewerRole };

/** The four organisations of the chain whose events make up a case. */
export const partnerOrganisationTypes = ['municipality', 'care-provider', 'insurer', 'employer-network'] as const;
export type PartnerOrganisationType = (typeof partnerOrganisationTypes)[number];

export function isPartnerOrganisationType(value: string): value is PartnerOrganisationType {
  return (partnerOrganisationTypes as readonly string[]).includes(value);
}

/** Who is looking: one user of one organisation, acting in one role. */
export interface Viewer {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: ViewerOrganisationType;
  readonly role: ViewerRole;
}

/** A calendar date, YYYY-MM-DD; "today" is passed in, never read from a clock here. */
export type IsoDate = string;
