// The viewer a request is filtered for: the token's user and organisation, in one of
// the token's roles (chosen with ?asRole=, else the first role that may see anything).
import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@wcc/domain-kit';
import { viewerRoles } from '@wcc/contracts';
import { commandMetadataFrom, ProblemException, type AuthenticatedUser } from '@wcc/nest-kit';
import { rolesWithAccess, type Viewer, type ViewerRole } from '@wcc/case-view-domain';

export function viewerFor(user: AuthenticatedUser, asRole: ViewerRole | undefined): Viewer {
  // Roles outside the case view's vocabulary (the outcomes monitor's policy analyst) open nothing here.
  const roles: readonly ViewerRole[] = user.roles.filter((r): r is ViewerRole => (viewerRoles as readonly string[]).includes(r));
  if (asRole !== undefined && !roles.includes(asRole)) {
    throw ProblemException.forbidden(`Your token does not carry the role ${asRole}.`);
  }
  const usable = rolesWithAccess(user.organisationType, asRole === undefined ? roles : [asRole]);
  const role = usable[0];
  if (role === undefined) {
    throw ProblemException.forbidden(`As ${asRole ?? roles.join(', ')} of a ${user.organisationType} organisation you may see no case data in the shared case view.`);
  }
  return { userId: user.userId, organisationId: user.organisationId, organisationType: user.organisationType, role };
}

/**
 * Every view is its own disclosure: a fresh id per request (an Idempotency-Key means
 * nothing for a read), with the caller's correlation and trace.
 */
export function viewMetadata(request: { headers: Record<string, string | string[] | undefined> }, user: AuthenticatedUser): CommandMetadata {
  return { ...commandMetadataFrom(request, user), commandId: randomUUID() };
}
