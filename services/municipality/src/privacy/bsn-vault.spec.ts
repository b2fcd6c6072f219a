import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseBsn, type Bsn } from '@wcc/municipality-domain';
import { BsnVault, BsnVaultConfigurationError, maskBsn, parseEncryptionKey } from './bsn-vault';

const key = Buffer.alloc(32, 7);
const vault = new BsnVault(key, 'a-client-key-secret-of-at-least-32-chars');
const bsn = parseBsn('111222333') as Bsn;

describe('BsnVault', () => {
  it('derives a stable client key that is not the BSN and depends on the secret', () => {
    const clientKey = vault.clientKeyOf(bsn);
    expect(clientKey).toBe(vault.clientKeyOf(bsn));
    expect(clientKey).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(clientKey).not.toContain('111222333');
    expect(new BsnVault(key, 'another-client-key-secret-of-32-chars!!').clientKeyOf(bsn)).not.toBe(clientKey);
    expect(vault.clientKeyOf(parseBsn('123456782') as Bsn)).not.toBe(clientKey);
  });

  it('seals with AES-256-GCM: no clear text, a fresh nonce each time, and opens again', () => {
    const a = vault.seal('111222333', 'ck_x');
    const b = vault.seal('111222333', 'ck_x');
    expect(a).not.toContain('111222333');
    expect(a).not.toBe(b);
    expect(vault.open(a, 'ck_x')).toBe('111222333');
  });

  it('refuses to open for another client, under another key, or when altered', () => {
    const sealed = vault.seal('111222333', 'ck_x');
    expect(() => vault.open(sealed, 'ck_y')).toThrow();
    expect(() => new BsnVault(Buffer.alloc(32, 8), 'a-client-key-secret-of-at-least-32-chars').open(sealed, 'ck_x')).toThrow();
    const [f, kid, iv, ct, tag] = sealed.split('.');
    const flipped = Buffer.from(ct!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => vault.open([f, kid, iv, flipped.toString('base64url'), tag].join('.'), 'ck_x')).toThrow();
  });

  it('still opens a BSN sealed before the shared format (v1: nonce, ciphertext, tag), and one sealed under a key rotated out', () => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from('ck_x', 'utf8'));
    const ciphertext = Buffer.concat([cipher.update('111222333', 'utf8'), cipher.final()]);
    const stored = ['v1', nonce.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    expect(vault.open(stored, 'ck_x')).toBe('111222333');

    const hex = 'ab'.repeat(32);
    const before = BsnVault.fromEnvironment({ BSN_ENCRYPTION_KEY: hex, CLIENT_KEY_SECRET: 'x'.repeat(32) });
    const sealedBefore = before.seal('111222333', 'ck_x');
    const rotated = BsnVault.fromEnvironment({ BSN_ENCRYPTION_KEY: 'cd'.repeat(32), BSN_ENCRYPTION_KEYS_PREVIOUS: hex, CLIENT_KEY_SECRET: 'x'.repeat(32) });
    expect(rotated.open(sealedBefore, 'ck_x')).toBe('111222333');
    expect(rotated.seal('111222333', 'ck_x').split('.')[1]).not.toBe(sealedBefore.split('.')[1]);
  });

  it('reads its keys from the environment, with development defaults only outside production', () => {
    const hex = 'ab'.repeat(32);
    const configured = BsnVault.fromEnvironment({ BSN_ENCRYPTION_KEY: hex, CLIENT_KEY_SECRET: 'x'.repeat(32) });
    expect(configured.open(configured.seal('1', 'c'), 'c')).toBe('1');
    expect(() => BsnVault.fromEnvironment({})).not.toThrow();
    expect(() => BsnVault.fromEnvironment({ NODE_ENV: 'production' })).toThrow(BsnVaultConfigurationError);
    expect(() => BsnVault.fromEnvironment({ NODE_ENV: 'production', BSN_ENCRYPTION_KEY: hex, CLIENT_KEY_SECRET: 'x'.repeat(32) })).not.toThrow();
    expect(() => parseEncryptionKey('too-short')).toThrow(/32 bytes/);
    expect(parseEncryptionKey(Buffer.alloc(32, 1).toString('base64'))).toHaveLength(32);
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('111222333')).toBe('******333');
  });
});
