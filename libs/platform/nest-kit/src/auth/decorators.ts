// Route metadata read by AuthGuard: who may call a route. Checked before the handler
// runs, so a refused call never reaches a decider.
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { OrganisationType } from '@wcc/domain-kit';
import type { AuthenticatedUser, Role } from './authenticated-user';

export const PUBLIC_ROUTE = 'wcc:public';
export const ALLOWED_ROLES = 'wcc:roles';
export const ALLOWED_ORGANISATION_TYPES = 'wcc:organisation-types';

/** No token needed: health and API docs only. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);
/** The caller's organisation must be of one of these types. */
export const OrganisationTypes = (...types: OrganisationType[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ORGANISATION_TYPES, types);

export interface RequestWithUser {
  user?: AuthenticatedUser;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
