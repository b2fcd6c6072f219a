// The one gate in front of every route: a valid bearer token, then the route's
// organisation types and roles. Failures become 401/403 problem+json.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OrganisationType } from '@wcc/domain-kit';
import { ProblemException } from '../http/problem';
import type { Role } from './authenticated-user';
import { ALLOWED_ORGANISATION_TYPES, ALLOWED_ROLES, PUBLIC_ROUTE, type RequestWithUser } from './decorators';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifier = new TokenVerifier();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const header = request.headers['authorization'];
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) throw ProblemException.unauthorized('A bearer token is required.');
    try {
      request.user = await this.verifier.verify(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw ProblemException.unauthorized(err.message);
      throw err;
    }

    const types = this.reflector.getAllAndOverride<OrganisationType[] | undefined>(ALLOWED_ORGANISATION_TYPES, targets);
    if (types && !types.includes(request.user.organisationType)) {
      throw ProblemException.forbidden(`Organisations of type ${request.user.organisationType} may not call this endpoint.`);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.some((r) => request.user!.roles.includes(r))) {
      throw ProblemException.forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
