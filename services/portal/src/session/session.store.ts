// Sessions in memory: the browser's cookie holds a random id, this map holds the user's
// bearer token. A restart signs everyone out, which is acceptable for a portal without a
// database of its own (issue 14); a second instance would need a shared store.
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OrganisationType } from '@wcc/domain-kit';
import type { Role } from '@wcc/nest-kit';

export const SESSION_COOKIE = 'wcc_session';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // the development tokens' lifetime

export interface PortalUser {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly Role[];
  readonly description: string;
}

export interface PortalSession {
  readonly id: string;
  readonly user: PortalUser;
  readonly token: string;
  readonly expiresAt: number;
}

@Injectable()
export class SessionStore {
  private readonly sessions = new Map<string, PortalSession>();

  open(user: PortalUser, token: string, now = Date.now()): PortalSession {
    const session = { id: randomBytes(32).toString('base64url'), user, token, expiresAt: now + SESSION_TTL_MS };
    this.sessions.set(session.id, session);
    return session;
  }

  find(id: string | undefined, now = Date.now()): PortalSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}

/** The value of one cookie from a Cookie header. */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  const joined = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of joined.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function sessionCookie(id: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
