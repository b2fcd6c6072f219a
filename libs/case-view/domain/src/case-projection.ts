// Everything the case view stores about one case, as a pure function of the set of
// its items: the items with their parties resolved, the consents, and the full
// summary. Because it depends on the set and not on arrival order, projecting a
// message twice, or rebuilding from the topics, yields the same rows.
import { compareEntries, type CaseEntry, type ResolvedEntry } from './case-entry';
import { resolveParties } from './case-parties';
import { summariseCase, type CaseSummary } from './case-summary';
import type { ConsentRecipient, ConsentRecord } from './consent';
import { dataIf, type ViewedData } from './chain-event-reader';

export interface ProjectedCase {
  readonly entries: readonly ResolvedEntry[];
  readonly consents: readonly ConsentRecord[];
  readonly summary: CaseSummary;
}

/** Named recipients of a consent; null when it names none (the case team of its types). */
function recipientsOf(d: ViewedData<'municipality:ConsentGranted' | 'municipality:ConsentWithdrawn'>): ConsentRecipient[] | null {
  return d.recipients === undefined ? null : d.recipients.map((r) => ({ organisationId: r.organisationId, organisationType: r.organisationType }));
}

/** Consents from ConsentGranted / ConsentWithdrawn; a withdrawal wins whatever order they came in. */
export function consentRecordsOf(entries: readonly CaseEntry[]): ConsentRecord[] {
  const consents = new Map<string, ConsentRecord>();
  for (const entry of [...entries].sort(compareEntries)) {
    const granted = dataIf(entry, 'municipality:ConsentGranted');
    const d = granted ?? dataIf(entry, 'municipality:ConsentWithdrawn');
    if (!d?.consentId) continue;
    const consentId = d.consentId;
    const known = consents.get(consentId);
    const organisationTypes = d.organisationTypes ?? [];
    const categories = d.dataCategories ?? [];
    const recipients = recipientsOf(d);
    if (granted) {
      consents.set(consentId, {
        consentId,
        purpose: granted.purpose ?? '',
        organisationTypes,
        dataCategories: categories,
        recipients,
        disclosesIpsParticipation: granted.disclosesIpsParticipation === true,
        validFrom: granted.validFrom ?? null,
        validTo: granted.validTo ?? null,
        grantedAt: entry.occurredAt,
        withdrawnAt: known?.withdrawnAt ?? null,
      });
    } else {
      consents.set(consentId, {
        consentId,
        purpose: known?.purpose ?? d.purpose ?? '',
        organisationTypes: known?.organisationTypes ?? organisationTypes,
        dataCategories: known?.dataCategories ?? categories,
        recipients: known ? known.recipients : recipients,
        disclosesIpsParticipation: known ? known.disclosesIpsParticipation : d.disclosesIpsParticipation === true,
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
