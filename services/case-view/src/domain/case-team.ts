// Who takes part in a case, per organisation, as the case's own events establish it
// (need-to-know, DOMAIN.md): an organisation outside the team sees nothing of the case —
// not in lists, not by id (404, as for an unknown id). Membership has a start and an end:
//
// - the municipality of the case (registration, regie) and any municipality regie is
//   transferred to; the one it is transferred from leaves;
// - an organisation a referral was sent to: a candidate from the referral, a member once
//   it accepts, gone when it declines; an employer network also leaves when it closes
//   its matching;
// - the insurer named in a care-funding request;
// - an organisation present at an MDT review, and the owner of a review action;
// - an organisation that produced an item of the case (it acts on it), until one of the
//   endings above.
//
// Resolved from the whole set of items in case order, so arrival order does not matter.
import { compareEntries, keyOf, type ResolvedEntry } from './case-entry';
import { ownerOrganisationOf } from './case-parties';
import { records, str } from './data-readers';
import { isPartnerOrganisationType, type PartnerOrganisationType } from './vocabulary';

export type TeamBasis = 'case-municipality' | 'regie' | 'referral-candidate' | 'referral-accepted' | 'funder' | 'mdt-attendee' | 'action-owner' | 'producer';

export interface TeamMembership {
  readonly organisationId: string;
  readonly organisationType: PartnerOrganisationType | null;
  /** Why it joined: the first event that made it a member (a candidate's becomes referral-accepted when it accepts). */
  readonly basis: TeamBasis;
  readonly since: string;
  /** When it left (declined, matching closed, regie transferred away); null while it takes part. */
  readonly until: string | null;
  /** Why it left. */
  readonly endedBy: 'referral-declined' | 'matching-closed' | 'regie-transferred' | null;
}

export interface CaseTeam {
  readonly memberships: readonly TeamMembership[];
  /** Takes part now. */
  isMember(organisationId: string): boolean;
  /** The current members of one organisation type. */
  membersOfType(type: PartnerOrganisationType): readonly string[];
}

const producerType = (entry: ResolvedEntry): PartnerOrganisationType => entry.producer;

export function caseTeamOf(entries: readonly ResolvedEntry[]): CaseTeam {
  // The latest membership per organisation: a later join after leaving opens a new one.
  const history: TeamMembership[] = [];
  const open = new Map<string, number>();
  const referralTo = new Map<string, string>();

  const join = (organisationId: string | undefined | null, type: PartnerOrganisationType | null, basis: TeamBasis, at: string) => {
    if (!organisationId) return;
    if (open.has(organisationId)) return;
    open.set(organisationId, history.push({ organisationId, organisationType: type, basis, since: at, until: null, endedBy: null }) - 1);
  };
  const leave = (organisationId: string | undefined | null, at: string, endedBy: NonNullable<TeamMembership['endedBy']>) => {
    if (!organisationId) return;
    const index = open.get(organisationId);
    if (index === undefined) return;
    history[index] = { ...history[index]!, until: at, endedBy };
    open.delete(organisationId);
  };

  for (const entry of [...entries].sort(compareEntries)) {
    const d = entry.data;
    const at = entry.occurredAt;
    switch (keyOf(entry)) {
      case 'municipality:ClientRegistered':
      case 'municipality:CaseOpened':
        join(str(d, 'municipalityId'), 'municipality', 'case-municipality', at);
        break;
      case 'municipality:RegieAssigned':
        join(str(d, 'ownerOrganisationId'), 'municipality', 'regie', at);
        break;
      case 'municipality:RegieTransferred': {
        const from = str(d, 'fromOrganisationId');
        const to = str(d, 'toOrganisationId');
        if (from !== to) leave(from, at, 'regie-transferred');
        join(to, 'municipality', 'regie', at);
        break;
      }
      case 'municipality:ClientReferred': {
        const to = str(d, 'toOrganisationId');
        const type = str(d, 'toOrganisationType');
        const referralId = str(d, 'referralId');
        if (referralId && to) referralTo.set(referralId, to);
        join(to, type && isPartnerOrganisationType(type) ? type : null, 'referral-candidate', at);
        break;
      }
      case 'care-provider:ReferralAccepted':
      case 'employer-network:ReferralAccepted': {
        const by = str(d, 'organisationId');
        const index = by === undefined ? undefined : open.get(by);
        if (by && index !== undefined && history[index]!.basis === 'referral-candidate') history[index] = { ...history[index]!, basis: 'referral-accepted' };
        else join(by, producerType(entry), 'referral-accepted', at);
        break;
      }
      case 'care-provider:ReferralDeclined':
      case 'employer-network:ReferralDeclined': {
        const referralId = str(d, 'referralId');
        leave(str(d, 'organisationId') ?? (referralId ? referralTo.get(referralId) : undefined), at, 'referral-declined');
        break;
      }
      case 'employer-network:MatchingStatusChanged':
        if (str(d, 'status') === 'closed') leave(str(d, 'organisationId'), at, 'matching-closed');
        else join(str(d, 'organisationId'), 'employer-network', 'producer', at);
        break;
      case 'care-provider:CareFundingRequested':
        join(entry.producerOrganisationId, 'care-provider', 'producer', at);
        join(str(d, 'insurerId'), 'insurer', 'funder', at);
        break;
      case 'municipality:CaseReviewHeld':
        for (const attendee of records(d, 'attendees') ?? []) {
          const type = str(attendee, 'organisationType');
          join(str(attendee, 'organisationId'), type && isPartnerOrganisationType(type) ? type : null, 'mdt-attendee', at);
        }
        break;
      case 'municipality:ReviewActionAssigned': {
        const type = str(d, 'ownerOrganisationType');
        join(ownerOrganisationOf(d), type && isPartnerOrganisationType(type) ? type : null, 'action-owner', at);
        break;
      }
      default:
        // Whoever else acts on the case takes part in it (a placement, a claim, a treatment).
        if (entry.producer !== 'municipality') join(entry.producerOrganisationId, producerType(entry), 'producer', at);
        break;
    }
  }

  const current = history.filter((m) => m.until === null);
  const memberIds = new Set(current.map((m) => m.organisationId));
  return {
    memberships: history,
    isMember: (organisationId) => memberIds.has(organisationId),
    membersOfType: (type) => current.filter((m) => m.organisationType === type).map((m) => m.organisationId),
  };
}
