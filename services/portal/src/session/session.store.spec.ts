import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, cookieValue, sessionCookie, SessionStore, type PortalUser } from './session.store';

const user: PortalUser = { userId: 'km-1', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'], description: 'klantmanager' };

describe('portal sessions', () => {
  it('finds an open session by its id until it expires after 8 hours, then forgets it', () => {
    const store = new SessionStore();
    const session = store.open(user, 'token-1', 0);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.find(session.id, 8 * 3_600_000 - 1)?.token).toBe('token-1');
    expect(store.find(session.id, 8 * 3_600_000)).toBeUndefined();
    expect(store.find(session.id, 0), 'gone for good once expired').toBeUndefined();
  });

  it('knows no session for an unknown or missing id, nor after sign-out', () => {
    const store = new SessionStore();
    const session = store.open(user, 'token-1');
    expect(store.find('forged')).toBeUndefined();
    expect(store.find(undefined)).toBeUndefined();
    store.close(session.id);
    expect(store.find(session.id)).toBeUndefined();
  });

  it('gives every session a different id', () => {
    const store = new SessionStore();
    const ids = new Set(Array.from({ length: 100 }, () => store.open(user, 't').id));
    expect(ids.size).toBe(100);
  });

  it('sets an httpOnly, SameSite=Strict cookie, Secure only when asked, and clears it', () => {
    expect(sessionCookie('abc', false)).toBe('wcc_session=abc; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('abc', true)).toBe('wcc_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(clearedSessionCookie(false)).toContain('Max-Age=0');
  });

  it('reads one cookie from a Cookie header among others', () => {
    expect(cookieValue('a=1; wcc_session=xyz; b=2', 'wcc_session')).toBe('xyz');
    expect(cookieValue(['a=1', 'wcc_session=q%3D'], 'wcc_session')).toBe('q=');
    expect(cookieValue('wcc_session_other=1', 'wcc_session')).toBeUndefined();
    expect(cookieValue(undefined, 'wcc_session')).toBeUndefined();
  });
});
