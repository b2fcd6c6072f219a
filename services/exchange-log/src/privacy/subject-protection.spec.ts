import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sealer, sealingKey } from '@wcc/runtime';
import { SubjectProtection, subjectKeysFromEnv } from './subject-protection';

const encryptionKey = randomBytes(32);
const keys = { sealer: new Sealer(sealingKey(encryptionKey), [], 'v1.nonce.tag.ciphertext'), blindIndexKey: randomBytes(32) };
const CONTEXT = 'wcc-exchange-log:dpl.core.data_subject_id';

describe('protection of dpl.core.data_subject_id', () => {
  const protection = new SubjectProtection(keys);

  it('seals with the shared AES-256-GCM under a fresh nonce each time, names its key, and opens with the key', () => {
    const a = protection.encrypt('ck_7Qm2xV9pLr4TnB8s');
    const b = protection.encrypt('ck_7Qm2xV9pLr4TnB8s');
    expect(a).not.toBe(b);
    expect(a).not.toContain('ck_7Qm2');
    expect(a).toMatch(new RegExp(`^s2\\.${keys.sealer.currentKeyId}\\.[\\w-]{16}\\.[\\w-]+\\.[\\w-]{22}$`));
    expect(protection.decrypt(a)).toBe('ck_7Qm2xV9pLr4TnB8s');
  });

  it('still opens what it sealed before the shared format (v1: nonce, tag, ciphertext)', () => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce);
    cipher.setAAD(Buffer.from(CONTEXT, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update('ck_stored_before', 'utf8'), cipher.final()]);
    const stored = ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    expect(protection.decrypt(stored)).toBe('ck_stored_before');
  });

  it('refuses an altered ciphertext and one made with another key', () => {
    const text = protection.encrypt('ck_7Qm2xV9pLr4TnB8s');
    const [f, kid, nonce, ct, tag] = text.split('.');
    const flipped = Buffer.from(ct!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => protection.decrypt([f, kid, nonce, flipped.toString('base64url'), tag].join('.'))).toThrow();
    expect(() => new SubjectProtection({ ...keys, sealer: new Sealer(sealingKey(randomBytes(32))) }).decrypt(text)).toThrow(/not configured/);
  });

  it('finds a person through a keyed blind index: stable, distinct per person, useless without the key', () => {
    expect(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s')).toBe(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s'));
    expect(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s')).toMatch(/^[0-9a-f]{64}$/);
    expect(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s')).not.toBe(protection.blindIndex('ck_OtherClient000001'));
    expect(new SubjectProtection({ ...keys, blindIndexKey: randomBytes(32) }).blindIndex('ck_7Qm2xV9pLr4TnB8s')).not.toBe(protection.blindIndex('ck_7Qm2xV9pLr4TnB8s'));
  });

  it('takes its keys from configuration and refuses to run in production without them', () => {
    const configured = subjectKeysFromEnv({ EXCHANGE_LOG_SUBJECT_KEY: encryptionKey.toString('base64'), EXCHANGE_LOG_BLIND_INDEX_KEY: keys.blindIndexKey.toString('base64') });
    expect(configured.sealer.currentKeyId).toBe(keys.sealer.currentKeyId);
    expect(new SubjectProtection(configured).decrypt(protection.encrypt('ck_a'))).toBe('ck_a');
    expect(() => subjectKeysFromEnv({ NODE_ENV: 'production' })).toThrow(/EXCHANGE_LOG_SUBJECT_KEY in production/);
    expect(() => subjectKeysFromEnv({ EXCHANGE_LOG_SUBJECT_KEY: randomBytes(16).toString('base64') })).toThrow(/32 bytes/);
    const same = encryptionKey.toString('base64');
    expect(() => subjectKeysFromEnv({ EXCHANGE_LOG_SUBJECT_KEY: same, EXCHANGE_LOG_BLIND_INDEX_KEY: same })).toThrow(/must differ/);
    expect(subjectKeysFromEnv({}).sealer.currentKeyId).toMatch(/^[0-9a-f]{16}$/);
  });
});
