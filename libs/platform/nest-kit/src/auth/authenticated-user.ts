// Who is calling, as carried in the bearer JWT. Every command checks role and
// organisation against this; nothing is taken from the request body.
import type { Actor, OrganisationType } from '@wcc/domain-kit';

export const ROLES = [
  'client-manager', // klantmanager (municipality)
  'regisseur', // case director holding regie (municipality)
  'screener', // GGZ screener / psychologist
  'ips-worker', // IPS job coach at the care provider
  'contract-manager', // health insurer
  'account-manager', // employer account manager (werkgeversdienstverlening)
  'auditor', // chain auditor: reads the exchange log
  'privacy-officer', // functionaris gegevensbescherming
  'policy-analyst', // chain coordinator / policy analyst: reads the outcomes monitor's aggregates
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_TYPES: readonly OrganisationType[] = ['municipality', 'care-provider', 'insurer', 'employer-network', 'chain'];

export interface AuthenticatedUser {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly Role[];
}

export function actorOf(user: AuthenticatedUser): Actor {
  return { userId: user.userId, organisationId: user.organisationId, organisationType: user.organisationType };
}
