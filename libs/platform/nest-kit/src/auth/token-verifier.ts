// Verifies bearer JWTs against a configured JWKS (AUTH_JWKS_URL) or, for development,
// a shared signing key (AUTH_DEV_SIGNING_KEY). The claims name the user, the
// organisation, its type and the roles.
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { OrganisationType } from '@wcc/domain-kit';
import { ORGANISATION_TYPES, ROLES, type AuthenticatedUser, type Role } from './authenticated-user';

export const TOKEN_ISSUER = 'urn:nld:work-care-chain:identity';
export const TOKEN_AUDIENCE = 'work-care-chain';
const DEVELOPMENT_KEY = 'wcc-development-signing-key-do-not-use-in-production';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

function developmentKey(): Uint8Array {
  const configured = process.env['AUTH_DEV_SIGNING_KEY'];
  if (!configured && process.env['NODE_ENV'] === 'production') {
    throw new Error('Set AUTH_JWKS_URL (or AUTH_DEV_SIGNING_KEY) in production; the built-in development key is refused.');
  }
  return new TextEncoder().encode(configured ?? DEVELOPMENT_KEY);
}

export interface TokenClaims {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly Role[];
}

export class TokenVerifier {
  private readonly jwks = process.env['AUTH_JWKS_URL'] ? createRemoteJWKSet(new URL(process.env['AUTH_JWKS_URL'])) : undefined;
  private readonly key = this.jwks ? undefined : developmentKey();

  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      const options = { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE };
      payload = this.jwks ? (await jwtVerify(token, this.jwks, options)).payload : (await jwtVerify(token, this.key!, options)).payload;
    } catch (err) {
      throw new InvalidTokenError(err instanceof Error && err.name === 'JWTExpired' ? 'The token has expired.' : 'The token is not valid.');
    }
    const organisationType = payload['org_type'];
    const roles = payload['roles'];
    if (
      typeof payload.sub !== 'string' ||
      typeof payload['org'] !== 'string' ||
      !ORGANISATION_TYPES.includes(organisationType as OrganisationType) ||
      !Array.isArray(roles) ||
      !roles.every((r) => (ROLES as readonly unknown[]).includes(r))
    ) {
      throw new InvalidTokenError('The token lacks sub, org, org_type or valid roles.');
    }
    return { userId: payload.sub, organisationId: payload['org'], organisationType: organisationType as OrganisationType, roles: roles as Role[] };
  }
}

/** Signs a token with the development key; used by `npm run token` and by tests. */
export async function signDevelopmentToken(claims: TokenClaims, options: { expiresIn?: string; key?: string } = {}): Promise<string> {
  const key = options.key ? new TextEncoder().encode(options.key) : developmentKey();
  return new SignJWT({ org: claims.organisationId, org_type: claims.organisationType, roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}
