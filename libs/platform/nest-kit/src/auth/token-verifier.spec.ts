import { describe, expect, it } from 'vitest';
import { signDevelopmentToken, TokenVerifier } from './token-verifier';

const claims = { userId: 'u-1', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'] } as const;

describe('TokenVerifier with the development key', () => {
  const verifier = new TokenVerifier();

  it('accepts a token it signed and returns the user', async () => {
    const user = await verifier.verify(await signDevelopmentToken(claims));
    expect(user).toEqual({ userId: 'u-1', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'] });
  });

  it('refuses an expired token', async () => {
    const token = await signDevelopmentToken(claims, { expiresIn: '-1m' });
    await expect(verifier.verify(token)).rejects.toThrow('The token has expired.');
  });

  it('refuses a token signed with another key (forged)', async () => {
    const token = await signDevelopmentToken(claims, { key: 'someone-elses-key-of-sufficient-length' });
    await expect(verifier.verify(token)).rejects.toThrow('The token is not valid.');
  });

  it('refuses unknown roles and organisation types', async () => {
    await expect(verifier.verify(await signDevelopmentToken({ ...claims, roles: ['root' as never] }))).rejects.toThrow(/roles/);
    await expect(verifier.verify(await signDevelopmentToken({ ...claims, organisationType: 'bank' as never }))).rejects.toThrow(/org_type/);
  });

  it('refuses garbage', async () => {
    await expect(verifier.verify('not.a.jwt')).rejects.toThrow('The token is not valid.');
  });
});
