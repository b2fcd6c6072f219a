// Everything the case view stores about one case, as a pure function of the set of
// its items: the items with their parties resolved, the consents, and the full
// summary. Because it depends on the set and not on arrival order, projecting a
// message twice, or rebuilding from the topics, yields the same rows.
import { compareEntries, keyOf, type CaseEntry, type ResolvedEntry } from './case-entry';
import { resolveParties } from './case-parties';
import { summariseCase, type CaseSummary } from './case-summary';
import type { ConsentRecipient, ConsentRecord } from './consent';
import { records, str, strings, type EventData } from './data-readers';
import { isPartnerOrganisationType, type DataCategory } from './vocabulary';
import { dataCategories } from '@wcc/contracts';

export interface ProjectedCase {
  readonly entries: readonly ResolvedEntry[];
  readonly consents: readonly ConsentRecord[];
  readonly summary: CaseSummary;
}

/** Named recipients of a consent; null when it names none (the case team of its types). */
function recipientsOf(d: EventData): ConsentRecipient[] | null {
  const listed = records(d, 'recipients');
  if (listed === undefined) return null;
  return listed.flatMap((r) => {
    const organisationId = str(r, 'organisationId');
    const organisationType = str(r, 'organisationType');
    return organisationId && organisationType && isPartnerOrganisationType(organisationType) ? [{ organisationId, organisationType }] : [];
  });
}

/** Consents from ConsentGranted / ConsentWithdrawn; a withdrawal wins whatever order they came in. */
export function consentRecordsOf(entries: readonly CaseEntry[]): ConsentRecord[] {
  const consents = new Map<string, ConsentRecord>();
  for (const entry of [...entries].sort(compareEntries)) {
    const key = keyOf(entry);
    if (key !== 'municipality:ConsentGranted' && key !== 'municipality:ConsentWithdrawn') continue;
    const d = entry.data;
    const consentId = str(d, 'consentId');
    if (!consentId) continue;
    const known = consents.get(consentId);
    const organisationTypes = (strings(d, 'organisationTypes') ?? []).filter(isPartnerOrganisationType);
    const categories = (strings(d, 'dataCategories') ?? []).filter((c): c is DataCategory => (dataCategories as readonly string[]).includes(c));
    const recipients = recipientsOf(d);
    if (key === 'municipality:ConsentGranted') {
      consents.set(consentId, {
        consentId,
        purpose: str(d, 'purpose') ?? '',
        organisationTypes,
        dataCategories: categories,
        recipients,
        disclosesIpsParticipation: d['disclosesIpsParticipation'] === true,
        validFrom: str(d, 'validFrom') ?? null,
        validTo: str(d, 'validTo') ?? null,
        grantedAt: entry.occurredAt,
        withdrawnAt: known?.withdrawnAt ?? null,
      });
    } else {
      consents.set(consentId, {
        consentId,
        purpose: known?.purpose ?? str(d, 'purpose') ?? '',
        organisationTypes: known?.organisationTypes ?? organisationTypes,
        dataCategories: known?.dataCategories ?? categories,
        recipients: known ? known.recipients : recipients,
        disclosesIpsParticipation: known ? known.disclosesIpsParticipation : d['disclosesIpsParticipation'] === true,
        validFrom: known?.validFrom ?? null,
        validTo: known?.validTo ?? null,
        grantedAt: known?.grantedAt ?? null,
        withdrawnAt: known?.withdrawnAt ?? entry.occurredAt,
      });
    }
  }
  return [...consents.values()].sort((a, b) => a.consentId.localeCompare(b.consentId));
}

export function projectCase(caseId: string, entries: readonly CaseEntry[]): ProjectedCase {
  const resolved = resolveParties(entries);
  return { entries: resolved, consents: consentRecordsOf(resolved), summary: summariseCase(caseId, resolved) };
}
