import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SubjectProtection, subjectKeysFromEnv } from './subject-protection';

const keys = { encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) };

describe('protection of dpl.core.data_subject_id', () => {
  const protection = new SubjectProtection(keys);

  it('encrypts with AES-256-GCM under a fresh IV each time, and decrypts with the key', () => {
    const a = protection.encrypt('ck_7Qm2xV9pLr4TnB8s');
    const b = protection.encrypt('ck_7Qm2xV9pLr4TnB8s');
    expect(a).not.toBe(b);
    expect(a).not.toContain('ck_7Qm2');
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(protection.decrypt(a)).toBe('ck_7Qm2xV9pLr4TnB8s');
  });

  it('refuses an altered ciphertext and one made with another key', () => {
    const text = protection.encrypt('ck_7Qm2xV9pLr4TnB8s');
    const [v, iv, tag, ct] = text.split('.');
    const flipped = Buffer.from(ct!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => protection.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => new SubjectProtection({ ...keys, encryptionKey: randomBytes(32) }).decrypt(text)).toThrow();
  });

  it('finds a person through a keyed blind index: stable, distinct per person, useless without the key', () => {
    expect(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s')).toBe(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s'));
    expect(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s')).not.toBe(protection.blindIndex('ck_OtherClient000001'));
    expect(new SubjectProtection({ ...keys, blindIndexKey: randomBytes(32) }).blindIndex('ck_7Qm2xV9pLr4TnB8s')).not.toBe(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s'));
  });

  it('takes its keys from configuration and refuses to run in production without them', () => {
    const configured = subjectKeysFromEnv({ EXCHANGE_LOG_SUBJECT_KEY: keys.encryptionKey.toString('base64'), EXCHANGE_LOG_BLIND_INDEX_KEY: keys.blindIndexKey.toString('base64') });
    expect(configured.encryptionKey.equals(keys.encryptionKey)).toBe(true);
    expect(() => subjectKeysFromEnv({ NODE_ENV: 'production' })).toThrow(/EXCHANGE_LOG_SUBJECT_KEY is not set/);
    expect(() => subjectKeysFromEnv({ EXCHANGE_LOG_SUBJECT_KEY: randomBytes(16).toString('base64') })).toThrow(/at least 32 bytes/);
    const same = keys.encryptionKey.toString('base64');
    expect(() => subjectKeysFromEnv({ EXCHANGE_LOG_SUBJECT_KEY: same, EXCHANGE_LOG_BLIND_INDEX_KEY: same })).toThrow(/must differ/);
    expect(subjectKeysFromEnv({}).encryptionKey).toHaveLength(32);
  });
});
