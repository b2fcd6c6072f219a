// The citizen's overview (AVG art. 15): every organisation that received or viewed the
// person's data, when, why, on which basis and which kinds of data — in Dutch and
// English words, built only from the records of that one data subject.
import { dataCategories, type DataCategory } from '@wcc/contracts';
import type { DisclosureRecord } from './disclosure-record';
import {
  dataCategoryLabels,
  disclosureKindLabels,
  organisationTypeLabels,
  recipientRoleLabels,
  type DisclosureKind,
  type LocalisedText,
  type OrganisationTypeCode,
  type RecipientRole,
} from './labels';
import { processingActivityByUri } from './processing-activities';

interface OrganisationLabel {
  readonly organisationId: string;
  readonly organisationType: OrganisationTypeCode;
  readonly typeLabel: LocalisedText;
}

export interface OverviewEntry {
  readonly recordId: string;
  readonly at: string;
  readonly what: { readonly code: DisclosureKind; readonly label: LocalisedText };
  readonly outcome: { readonly code: string; readonly label: LocalisedText };
  readonly organisation: OrganisationLabel & { readonly role: RecipientRole; readonly roleLabel: LocalisedText };
  readonly from: OrganisationLabel;
  readonly why: {
    readonly processingActivityId: string;
    readonly name: LocalisedText;
    readonly purpose: LocalisedText;
  };
  readonly basis: {
    readonly legalBasis: readonly string[];
    readonly explanation: LocalisedText;
    readonly consentIds: readonly string[];
  };
  readonly dataCategories: readonly { readonly code: DataCategory; readonly label: LocalisedText }[];
}

export interface OverviewOrganisation extends OrganisationLabel {
  readonly roles: readonly RecipientRole[];
  readonly received: number;
  readonly viewed: number;
  readonly refused: number;
  readonly first: string;
  readonly last: string;
}

export interface DataSubjectOverview {
  readonly title: LocalisedText;
  readonly organisations: readonly OverviewOrganisation[];
  readonly entries: readonly OverviewEntry[];
}

const outcomes: Record<string, LocalisedText> = {
  OK: { nl: 'verstrekt', en: 'disclosed' },
  ERROR: { nl: 'geweigerd, niets getoond', en: 'refused, nothing shown' },
  UNSET: { nl: 'ontvanger nog niet vastgesteld', en: 'recipient not yet established' },
};

const unknownActivity = { nl: 'onbekende verwerking', en: 'unknown processing activity' };

function isOrganisationType(value: unknown): value is OrganisationTypeCode {
  return typeof value === 'string' && value in organisationTypeLabels;
}

function party(value: unknown): { organisation_id: string; organisation_type: OrganisationTypeCode; role?: RecipientRole } {
  const p = (value ?? {}) as Record<string, unknown>;
  return {
    organisation_id: typeof p['organisation_id'] === 'string' ? p['organisation_id'] : 'unresolved',
    organisation_type: isOrganisationType(p['organisation_type']) ? p['organisation_type'] : 'unknown',
    ...(p['role'] === 'controller' || p['role'] === 'processor' ? { role: p['role'] } : {}),
  };
}

function categoriesOf(value: unknown): DataCategory[] {
  return Array.isArray(value) ? value.filter((c): c is DataCategory => (dataCategories as readonly unknown[]).includes(c)) : [];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Builds the overview from the records of one data subject, oldest first. */
export function buildOverview(records: readonly DisclosureRecord[]): DataSubjectOverview {
  const entries = [...records]
    .sort((a, b) => a.start_time - b.start_time || a.position - b.position)
    .map((record): OverviewEntry => {
      const a = record.attributes;
      const activity = processingActivityByUri(String(a['dpl.core.processing_activity_id']));
      const recipient = party(a['dpl.wcc.recipient']);
      const sender = party(a['dpl.wcc.sender']);
      const role = recipient.role ?? 'controller';
      return {
        recordId: record.id,
        at: new Date(record.start_time).toISOString(),
        what: { code: record.disclosure_kind, label: disclosureKindLabels[record.disclosure_kind] },
        outcome: { code: record.status_code, label: outcomes[record.status_code] ?? outcomes['UNSET']! },
        organisation: {
          organisationId: recipient.organisation_id,
          organisationType: recipient.organisation_type,
          typeLabel: organisationTypeLabels[recipient.organisation_type],
          role,
          roleLabel: recipientRoleLabels[role],
        },
        from: { organisationId: sender.organisation_id, organisationType: sender.organisation_type, typeLabel: organisationTypeLabels[sender.organisation_type] },
        why: {
          processingActivityId: activity?.id ?? record.processing_activity,
          name: activity?.name ?? unknownActivity,
          purpose: activity?.purpose ?? unknownActivity,
        },
        basis: {
          legalBasis: stringsOf(a['dpl.wcc.legal_basis']),
          explanation: activity?.legalBasis.explanation ?? unknownActivity,
          consentIds: stringsOf(a['dpl.wcc.consent_ids']),
        },
        dataCategories: categoriesOf(a['dpl.wcc.data_categories']).map((code) => ({ code, label: dataCategoryLabels[code] })),
      };
    });

  const organisations = new Map<string, OverviewOrganisation>();
  for (const entry of entries) {
    const o = entry.organisation;
    const key = `${o.organisationType}:${o.organisationId}`;
    const known = organisations.get(key);
    const counts = {
      received: entry.what.code === 'delivered' || entry.what.code === 'overview-provided' ? 1 : 0,
      viewed: entry.what.code === 'viewed' ? 1 : 0,
      refused: entry.what.code === 'access-refused' ? 1 : 0,
    };
    organisations.set(key, {
      organisationId: o.organisationId,
      organisationType: o.organisationType,
      typeLabel: o.typeLabel,
      roles: known ? (known.roles.includes(o.role) ? known.roles : [...known.roles, o.role]) : [o.role],
      received: (known?.received ?? 0) + counts.received,
      viewed: (known?.viewed ?? 0) + counts.viewed,
      refused: (known?.refused ?? 0) + counts.refused,
      first: known?.first ?? entry.at,
      last: entry.at,
    });
  }

  return {
    title: {
      nl: 'Overzicht van organisaties die uw gegevens ontvingen of bekeken (AVG artikel 15)',
      en: 'Overview of organisations that received or viewed your data (GDPR article 15)',
    },
    organisations: [...organisations.values()],
    entries,
  };
}
