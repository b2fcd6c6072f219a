// What the exchange log has learned about one case from the events it saw: its
// municipality, the partner organisations taking part, who made which referral and
// funding request, and the client's consents. The disclosure register needs it to
// name receivers that an event does not carry itself ("the referring municipality").
//
// Knowledge is kept with the time each fact began (a partner's first event, a consent's
// grant), and a disclosure is judged by what held at its own time. So the order in which
// the facts arrived does not matter, only that they have arrived: a replay of the topics
// from offset 0, where one producer's history is read before another's, gives the same
// records as the live run (the recorder waits for the case's other partitions first).
import { dateInAmsterdam } from '@wcc/domain-kit';
import type { ChainEvent } from './chain-event';
import { organisationOfSource, stringListField, textField } from './chain-event';
import type { PartnerOrganisationType } from './disclosure-register';

export interface OrganisationRef {
  readonly organisationId: string;
  readonly organisationType: PartnerOrganisationType;
}

/** A partner of the case, from the time of the first event that showed it taking part. */
export interface KnownPartner extends OrganisationRef {
  /** Absent in knowledge stored before times were kept: taken as always. */
  readonly since?: string;
}

export interface KnownConsent {
  readonly consentId: string;
  readonly purpose: string;
  readonly organisationTypes: readonly string[];
  readonly dataCategories: readonly string[];
  /**
   * Named recipients; absent: the case team of the types. The log checks deliveries, whose
   * recipient is an addressee or partner of the case, so a per-type consent covers it.
   */
  readonly recipients?: readonly OrganisationRef[];
  readonly validFrom?: string;
  readonly validTo?: string;
  /** The time of ConsentGranted: a disclosure before it was not covered, whatever validFrom says. */
  readonly grantedAt?: string;
  /** occurredAt of ConsentWithdrawn: from then on it covers nothing. */
  readonly withdrawnAt?: string;
}

export interface CaseKnowledge {
  readonly caseId: string;
  readonly municipalityId?: string;
  readonly partners: readonly KnownPartner[];
  readonly referrals: Readonly<Record<string, { readonly fromOrganisationId: string; readonly to: OrganisationRef }>>;
  readonly fundingRequests: Readonly<Record<string, { readonly careProviderId: string; readonly insurerId: string }>>;
  readonly consents: readonly KnownConsent[];
}

export function unknownCase(caseId: string): CaseKnowledge {
  return { caseId, partners: [], referrals: {}, fundingRequests: {}, consents: [] };
}

function withPartner(k: CaseKnowledge, partner: OrganisationRef | undefined, at: string): CaseKnowledge {
  if (!partner) return k;
  const same = (p: KnownPartner) => p.organisationId === partner.organisationId && p.organisationType === partner.organisationType;
  const known = k.partners.find(same);
  if (!known) return { ...k, partners: [...k.partners, { ...partner, since: at }] };
  // Learned late (a replay read this producer first): it took part from the earliest time seen.
  if (known.since !== undefined && Date.parse(at) < Date.parse(known.since)) return { ...k, partners: k.partners.map((p) => (same(p) ? { ...p, since: at } : p)) };
  return k;
}

function partner(organisationId: string | undefined, organisationType: PartnerOrganisationType): OrganisationRef | undefined {
  return organisationId ? { organisationId, organisationType } : undefined;
}

const referralTargets: readonly string[] = ['care-provider', 'employer-network'];
const reviewPartners: readonly string[] = ['care-provider', 'employer-network', 'insurer'];

/** A partner organisation (not a municipality) named by an element of an MDT review event. */
function reviewPartner(organisationId: unknown, organisationType: unknown): OrganisationRef | undefined {
  return typeof organisationId === 'string' && organisationId !== '' && typeof organisationType === 'string' && reviewPartners.includes(organisationType)
    ? { organisationId, organisationType: organisationType as PartnerOrganisationType }
    : undefined;
}

/** The producers whose events `learn` reads; the case view's records teach nothing. */
export const knowledgeProducers = ['municipality', 'care-provider', 'employer-network', 'insurer'] as const;

/** Folds one event into what is known of its case. Pure. */
export function learn(k: CaseKnowledge, event: ChainEvent): CaseKnowledge {
  const d = event.data;
  switch (event.producer) {
    case 'municipality': {
      const municipalityId = k.municipalityId ?? textField(d, 'municipalityId') ?? textField(d, 'fromOrganisationId') ?? organisationOfSource(event.source);
      let next: CaseKnowledge = municipalityId ? { ...k, municipalityId } : k;
      next = withPartner(next, partner(municipalityId, 'municipality'), event.time);
      if (event.name === 'RegieTransferred') {
        // Regie may move to another municipality (the client moved): it holds the case from now on.
        const to = textField(d, 'toOrganisationId');
        if (to) next = withPartner({ ...next, municipalityId: to }, partner(to, 'municipality'), event.time);
      }
      if (event.name === 'ClientReferred') {
        const referralId = textField(d, 'referralId');
        const toId = textField(d, 'toOrganisationId');
        const toType = textField(d, 'toOrganisationType');
        const from = textField(d, 'fromOrganisationId') ?? municipalityId;
        if (referralId && toId && toType && referralTargets.includes(toType) && from) {
          const to = { organisationId: toId, organisationType: toType as PartnerOrganisationType };
          next = withPartner({ ...next, referrals: { ...next.referrals, [referralId]: { fromOrganisationId: from, to } } }, to, event.time);
        }
      }
      if (event.name === 'CaseReviewHeld' && Array.isArray(d['attendees'])) {
        // Who sat at the table with consent takes part in the case from then on.
        for (const attendee of d['attendees'] as unknown[]) {
          if (typeof attendee === 'object' && attendee !== null) {
            const a = attendee as Record<string, unknown>;
            next = withPartner(next, reviewPartner(a['organisationId'], a['organisationType']), event.time);
          }
        }
      }
      if (event.name === 'ReviewActionAssigned') next = withPartner(next, reviewPartner(d['ownerOrganisationId'], d['ownerOrganisationType']), event.time);
      if (event.name === 'ConsentGranted') {
        const consentId = textField(d, 'consentId');
        if (consentId) {
          const validTo = textField(d, 'validTo');
          const validFrom = textField(d, 'validFrom');
          const consent: KnownConsent = {
            consentId,
            purpose: textField(d, 'purpose') ?? '',
            organisationTypes: stringListField(d, 'organisationTypes'),
            dataCategories: stringListField(d, 'dataCategories'),
            ...recipientsOf(d),
            ...(validFrom ? { validFrom } : {}),
            ...(validTo ? { validTo } : {}),
            grantedAt: event.time,
          };
          next = { ...next, consents: [...next.consents.filter((c) => c.consentId !== consentId), consent] };
        }
      }
      if (event.name === 'ConsentWithdrawn') {
        const consentId = textField(d, 'consentId');
        const at = textField(d, 'occurredAt') ?? event.time;
        if (consentId) {
          const known = next.consents.some((c) => c.consentId === consentId);
          const consents = known
            ? next.consents.map((c) => (c.consentId === consentId ? { ...c, withdrawnAt: at } : c))
            : [
                ...next.consents,
                {
                  consentId,
                  purpose: textField(d, 'purpose') ?? '',
                  organisationTypes: stringListField(d, 'organisationTypes'),
                  dataCategories: stringListField(d, 'dataCategories'),
                  withdrawnAt: at,
                },
              ];
          next = { ...next, consents };
        }
      }
      return next;
    }
    case 'care-provider': {
      let next = withPartner(k, partner(textField(d, 'organisationId'), 'care-provider'), event.time);
      const insurerId = textField(d, 'insurerId');
      next = withPartner(next, partner(insurerId, 'insurer'), event.time);
      const fundingRequestId = textField(d, 'fundingRequestId');
      const careProviderId = textField(d, 'organisationId');
      if (event.name === 'CareFundingRequested' && fundingRequestId && careProviderId && insurerId) {
        next = { ...next, fundingRequests: { ...next.fundingRequests, [fundingRequestId]: { careProviderId, insurerId } } };
      }
      return next;
    }
    case 'employer-network':
      return withPartner(k, partner(textField(d, 'organisationId'), 'employer-network'), event.time);
    case 'insurer':
      return withPartner(k, partner(textField(d, 'insurerId'), 'insurer'), event.time);
    case 'case-view':
    case 'exchange-log':
      return k;
  }
}

/** Partners of these types taking part at `at` (all known when omitted), in the order they became known. */
export function partnersOfType(k: CaseKnowledge, types: readonly string[], at?: string): OrganisationRef[] {
  return k.partners
    .filter((p) => types.includes(p.organisationType) && (at === undefined || p.since === undefined || Date.parse(p.since) <= Date.parse(at)))
    .map(({ organisationId, organisationType }) => ({ organisationId, organisationType }));
}

/** Consent validity is in Dutch calendar dates: the Amsterdam date of the instant, not the UTC one. */
function dateOf(instant: string): string {
  return dateInAmsterdam(instant);
}

/**
 * The consent that covers disclosing these categories to an organisation of this type
 * for this purpose at this moment: valid on the day, not withdrawn before, and naming
 * the organisation type and every category but the pseudonymous key itself.
 */
/** A consent's named recipients, when it names any. */
function recipientsOf(d: Readonly<Record<string, unknown>>): { recipients?: OrganisationRef[] } {
  const listed = d['recipients'];
  if (!Array.isArray(listed)) return {};
  const recipients = (listed as unknown[]).flatMap((r) => {
    const { organisationId, organisationType } = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    return typeof organisationId === 'string' && typeof organisationType === 'string' ? [{ organisationId, organisationType: organisationType as PartnerOrganisationType }] : [];
  });
  return { recipients };
}

/** Does the consent name this recipient: by id when it names recipients, by type (within the case) when not. */
function names(consent: KnownConsent, to: { readonly organisationId: string; readonly organisationType: string }): boolean {
  if (!consent.organisationTypes.includes(to.organisationType)) return false;
  return consent.recipients === undefined || consent.recipients.some((r) => r.organisationId === to.organisationId && r.organisationType === to.organisationType);
}

export function coveringConsent(
  k: CaseKnowledge,
  purpose: string,
  to: { readonly organisationId: string; readonly organisationType: string },
  categories: readonly string[],
  at: string,
): KnownConsent | undefined {
  const needed = categories.filter((c) => c !== 'identifying');
  const day = dateOf(at);
  const covering = k.consents.filter(
    (c) =>
      c.purpose === purpose &&
      names(c, to) &&
      needed.every((category) => c.dataCategories.includes(category)) &&
      (c.validFrom === undefined || c.validFrom <= day) &&
      (c.validTo === undefined || day <= c.validTo) &&
      (c.grantedAt === undefined || Date.parse(c.grantedAt) <= Date.parse(at)) &&
      (c.withdrawnAt === undefined || Date.parse(at) < Date.parse(c.withdrawnAt)),
  );
  // The most recently granted, whatever order the consents were learned in.
  return covering.sort((a, b) => (Date.parse(a.grantedAt ?? '') || 0) - (Date.parse(b.grantedAt ?? '') || 0)).at(-1);
}
