// Who takes part in a case, per organisation, as the case's own events establish it
// (need-to-know, DOMAIN.md): an organisation outside the team sees nothing of the case —
// not in lists, not by id (404, as for an unknown id). Membership has a start and an end:
//
// - the municipality of the case (registration, regie) and any municipality regie is
//   transferred to; the one it is transferred from leaves;
// - an organisation a referral was sent to: a candidate from the referral, a member once
//   it accepts, gone when it declines; an employer network also leaves when it closes
//   its matching; a care provider also leaves when it discharges the client;
// - the insurer named in a care-funding request;
// - an organisation present at an MDT review, and the owner of a review action;
// - an organisation that produced an item of the case (it acts on it), until one of the
//   endings above.
//
// Resolved from the whole set of items in case order, so arrival order does not matter.
//
// What each event does to the team is in its reader (readers/).
import { compareEntries, type ResolvedEntry } from './case-entry';
import { readItem } from './readers';
import type { PartnerOrganisationType } from './vocabulary';

export type TeamBasis = 'case-municipality' | 'regie' | 'referral-candidate' | 'referral-accepted' | 'funder' | 'mdt-attendee' | 'action-owner' | 'producer';

export interface TeamMembership {
  readonly organisationId: string;
  readonly organisationType: PartnerOrganisationType | null;
  /** Why it joined: the first event that made it a member (a candidate's becomes referral-accepted when it accepts). */
  readonly basis: TeamBasis;
  readonly since: string;
  /** When it left (declined, matching closed, regie transferred away, client discharged); null while it takes part. */
  readonly until: string | null;
  /** Why it left. */
  readonly endedBy: 'referral-declined' | 'matching-closed' | 'regie-transferred' | 'client-discharged' | null;
}

export interface CaseTeam {
  readonly memberships: readonly TeamMembership[];
  /** Takes part now. */
  isMember(organisationId: string): boolean;
  /** The current members of one organisation type. */
  membersOfType(type: PartnerOrganisationType): readonly string[];
}

/** What a reader may do to the team while it is being resolved. */
export interface TeamChanges {
  /** Opens a membership unless the organisation takes part already. */
  join(organisationId: string | undefined | null, type: PartnerOrganisationType | null, basis: TeamBasis, at: string): void;
  /** Ends its open membership, if any. */
  leave(organisationId: string | undefined | null, at: string, endedBy: NonNullable<TeamMembership['endedBy']>): void;
  /** A candidate that accepts its referral becomes an accepted member; an organisation not yet in the team joins as one. */
  accept(organisationId: string | undefined, type: PartnerOrganisationType, at: string): void;
  /** referralId → the organisation it was sent to. */
  readonly referralTo: Map<string, string>;
}

export function caseTeamOf(entries: readonly ResolvedEntry[]): CaseTeam {
  // The latest membership per organisation: a later join after leaving opens a new one.
  const history: TeamMembership[] = [];
  const open = new Map<string, number>();

  const team: TeamChanges = {
    referralTo: new Map(),
    join(organisationId, type, basis, at) {
      if (!organisationId) return;
      if (open.has(organisationId)) return;
      open.set(organisationId, history.push({ organisationId, organisationType: type, basis, since: at, until: null, endedBy: null }) - 1);
    },
    leave(organisationId, at, endedBy) {
      if (!organisationId) return;
      const index = open.get(organisationId);
      if (index === undefined) return;
      history[index] = { ...history[index]!, until: at, endedBy };
      open.delete(organisationId);
    },
    accept(organisationId, type, at) {
      const index = organisationId === undefined ? undefined : open.get(organisationId);
      if (organisationId && index !== undefined && history[index]!.basis === 'referral-candidate') history[index] = { ...history[index]!, basis: 'referral-accepted' };
      else team.join(organisationId, type, 'referral-accepted', at);
    },
  };

  for (const entry of [...entries].sort(compareEntries)) {
    const item = readItem(entry, entry.data);
    if (item?.reader.team) item.reader.team(team, item.d, entry);
    // Whoever else acts on the case takes part in it (a placement, a claim, a treatment).
    else if (entry.producer !== 'municipality') team.join(entry.producerOrganisationId, entry.producer, 'producer', entry.occurredAt);
  }

  const current = history.filter((m) => m.until === null);
  const memberIds = new Set(current.map((m) => m.organisationId));
  return {
    memberships: history,
    isMember: (organisationId) => memberIds.has(organisationId),
    membersOfType: (type) => current.filter((m) => m.organisationType === type).map((m) => m.organisationId),
  };
}
