// Who may see what, as data. Before anything else, the case team (case-team.ts): an
// organisation that does not take part in a case sees nothing of it. Then:
//  1. roleCeiling: data category × organisation type × role — what a role may ever see
//     in the case view, consent or not (an employer account manager never sees a care
//     summary; a chain auditor reads the exchange log, not cases);
//     careInvolvementCeiling: whether the type may ever see an item whose occurrence
//     reveals GGZ involvement (care-involvement.ts) — never the employer network;
//  2. the client's consent: an item another organisation produced is shown only when an
//     active chain-coordination consent names the viewer's organisation (by id, or as a
//     member of the case team of a listed type) and the category (report 002 §3.2.6:
//     protocolled agreements on what is exchanged).
// An organisation always sees what it produced itself, and what was addressed to it (a
// referral to it, the answer to its referral): it already received that on the bus.
import { consentsCovering, type ConsentRecord } from './consent';
import type { DataCategory, IsoDate, Viewer, ViewerOrganisationType, ViewerRole } from './vocabulary';

const all: readonly DataCategory[] = ['identifying', 'work', 'care-summary', 'financial', 'administrative'];

/**
 * The role ceiling. A combination that is not listed (an insurer user claiming the
 * screener role, anyone of the 'chain' organisation type) sees nothing.
 */
export const roleCeiling: Readonly<Record<ViewerOrganisationType, Partial<Readonly<Record<ViewerRole, readonly DataCategory[]>>>>> = {
  municipality: {
    // The klantmanager and the regisseur hold the case: all of it, but the municipality
    // sees the screening advice (a care summary), never a diagnosis — none is on the bus.
    'client-manager': all,
    regisseur: all,
  },
  'care-provider': {
    screener: ['identifying', 'work', 'care-summary', 'administrative'],
    // The IPS worker also follows the funding of the IPS intake and job coaching.
    'ips-worker': ['identifying', 'work', 'care-summary', 'financial', 'administrative'],
  },
  insurer: {
    // Funds care: who, how much, when. Neither work details nor the care summary.
    'contract-manager': ['identifying', 'financial', 'administrative'],
  },
  'employer-network': {
    // Never health data (DOMAIN.md): no care summary, with or without consent.
    'account-manager': ['identifying', 'work', 'financial', 'administrative'],
  },
  chain: {},
};

/**
 * May this organisation type ever see an item that reveals care involvement (a GGZ
 * referral, screening, IPS, treatment, care funding, an MDT review with care present)?
 * The employer network never: it gets what it needs to match and place.
 */
export const careInvolvementCeiling: Readonly<Record<ViewerOrganisationType, boolean>> = {
  municipality: true,
  'care-provider': true,
  insurer: true,
  'employer-network': false,
  chain: false,
};

export function roleAllows(organisationType: ViewerOrganisationType, role: ViewerRole, category: DataCategory): boolean {
  return roleCeiling[organisationType][role]?.includes(category) ?? false;
}

/** The roles of a token that can see anything at all for its organisation type. */
export function rolesWithAccess(organisationType: ViewerOrganisationType, roles: readonly ViewerRole[]): ViewerRole[] {
  return roles.filter((role) => (roleCeiling[organisationType][role]?.length ?? 0) > 0);
}

/** What makes a category of an item visible to a viewer. */
export type VisibilityBasis = 'own' | 'addressee' | 'consent';

export type CategoryDecision = { readonly visible: true; readonly basis: VisibilityBasis; readonly consentIds: readonly string[] } | { readonly visible: false; readonly reason: 'role' | 'consent' };

/** The provenance of an item: who produced it and to whom it was addressed. */
export interface ItemParties {
  readonly producerOrganisationId: string | null;
  /** Organisations it was addressed to, besides its producer. */
  readonly addresseeOrganisationIds: readonly string[];
}

/**
 * One category of one item, for a viewer. `inCaseTeam` says whether the viewer's
 * organisation takes part in the case now; the case view answers 404 to one that does not
 * before it asks, and a per-type consent covers only members.
 */
export function decideCategory(viewer: Viewer, parties: ItemParties, category: DataCategory, consents: readonly ConsentRecord[], today: IsoDate, inCaseTeam: boolean): CategoryDecision {
  if (!roleAllows(viewer.organisationType, viewer.role, category)) return { visible: false, reason: 'role' };
  if (parties.producerOrganisationId !== null && parties.producerOrganisationId === viewer.organisationId) {
    return { visible: true, basis: 'own', consentIds: [] };
  }
  if (parties.addresseeOrganisationIds.includes(viewer.organisationId)) return { visible: true, basis: 'addressee', consentIds: [] };
  const covering = consentsCovering(consents, viewer, inCaseTeam, category, today);
  if (covering.length > 0) return { visible: true, basis: 'consent', consentIds: covering.map((c) => c.consentId) };
  return { visible: false, reason: 'consent' };
}
