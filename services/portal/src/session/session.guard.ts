// Every /api route but sign-in needs a live session. State-changing calls must also carry
// the portal's own header: a cross-site form cannot set it, so together with the
// SameSite=Strict cookie no other site can act with the user's session.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ProblemException } from '@wcc/nest-kit';
import { cookieValue, SESSION_COOKIE, SessionStore, type PortalSession } from './session.store';

export const PORTAL_HEADER = 'x-wcc-portal';

export interface RequestWithSession {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  portalSession?: PortalSession;
}

export function requirePortalHeader(request: RequestWithSession): void {
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers[PORTAL_HEADER] !== '1') {
    throw ProblemException.forbidden(`State-changing calls need the ${PORTAL_HEADER} header (sent by the portal's own pages).`);
  }
}

@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    requirePortalHeader(request);
    const session = this.sessions.find(cookieValue(request.headers['cookie'], SESSION_COOKIE));
    if (!session) throw ProblemException.unauthorized('You are not signed in (or your session has ended).');
    request.portalSession = session;
    return true;
  }
}
