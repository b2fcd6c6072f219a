// Dutch and English labels for what the citizen's overview and the registers show.
// The codes are the system's own (data categories from @wcc/contracts, organisation
// types from the tokens); a reader gets words, not codes.
import type { DataCategory } from '@wcc/contracts';

export interface LocalisedText {
  readonly nl: string;
  readonly en: string;
}

export const dataCategoryLabels: Readonly<Record<DataCategory, LocalisedText>> = {
  identifying: { nl: 'identificerend (pseudonieme cliëntsleutel, nooit het BSN)', en: 'identifying (pseudonymous client key, never the BSN)' },
  work: { nl: 'werk en participatie', en: 'work and participation' },
  'care-summary': { nl: 'werkgerichte zorgsamenvatting (nooit een diagnose)', en: 'work-oriented care summary (never a diagnosis)' },
  financial: { nl: 'financieel', en: 'financial' },
  administrative: { nl: 'administratief', en: 'administrative' },
};

export type RecipientOrganisationType = 'municipality' | 'care-provider' | 'insurer' | 'employer-network' | 'chain';

/** A sender may be an organisation the log knows only by id. */
export type OrganisationTypeCode = RecipientOrganisationType | 'unknown';

export const organisationTypeLabels: Readonly<Record<OrganisationTypeCode, LocalisedText>> = {
  municipality: { nl: 'gemeente (Werk & Inkomen)', en: 'municipality (work and income)' },
  'care-provider': { nl: 'GGZ-zorgaanbieder', en: 'mental-health care provider' },
  insurer: { nl: 'zorgverzekeraar', en: 'health insurer' },
  'employer-network': { nl: 'werkgeversdienstverlening', en: 'employer network' },
  chain: { nl: 'ketenvoorziening', en: 'chain facility' },
  unknown: { nl: 'organisatie (soort onbekend)', en: 'organisation (type unknown)' },
};

export type RecipientRole = 'controller' | 'processor';

export const recipientRoleLabels: Readonly<Record<RecipientRole, LocalisedText>> = {
  controller: { nl: 'ontvanger (verwerkingsverantwoordelijke)', en: 'recipient (controller)' },
  processor: { nl: 'verwerker namens de keten', en: 'processor on behalf of the chain' },
};

/** What happened to the data, as the citizen reads it. */
export type DisclosureKind = 'delivered' | 'viewed' | 'access-refused' | 'overview-provided';

export const disclosureKindLabels: Readonly<Record<DisclosureKind, LocalisedText>> = {
  delivered: { nl: 'ontving gegevens', en: 'received data' },
  viewed: { nl: 'bekeek gegevens in het gedeelde casusbeeld', en: 'viewed data in the shared case view' },
  'access-refused': { nl: 'vroeg inzage, maar werd geweigerd', en: 'asked to view data and was refused' },
  'overview-provided': { nl: 'ontving dit overzicht voor u', en: 'received this overview on your behalf' },
};
