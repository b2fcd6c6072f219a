import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex, developmentKey, parseSealingKey, Sealer, sealerFromEnvironment, SealingConfigurationError, sealingKey } from './sealing';

const current = sealingKey(randomBytes(32));
const old = sealingKey(randomBytes(32));

describe('the shared sealing', () => {
  it('seals with AES-256-GCM under a fresh nonce, names its key, and opens for the same context only', () => {
    const sealer = new Sealer(current);
    const a = sealer.seal('111222333', 'ck_a');
    const b = sealer.seal('111222333', 'ck_a');
    expect(a).not.toBe(b);
    expect(a).not.toContain('111222333');
    expect(a.split('.')).toHaveLength(5);
    expect(a.startsWith(`s2.${current.id}.`)).toBe(true);
    expect(sealer.isCurrent(a)).toBe(true);
    expect(sealer.open(a, 'ck_a')).toBe('111222333');
    expect(() => sealer.open(a, 'ck_b')).toThrow();
  });

  it('rotates: a new key seals, the key rotated out still opens what it sealed, an unknown key id is named', () => {
    const before = new Sealer(old).seal('Fatima', 'ck_a');
    const rotated = new Sealer(current, [old]);
    expect(rotated.open(before, 'ck_a')).toBe('Fatima');
    expect(rotated.isCurrent(before)).toBe(false);
    expect(rotated.seal('Fatima', 'ck_a').split('.')[1]).toBe(current.id);
    expect(() => new Sealer(current).open(before, 'ck_a')).toThrow(new RegExp(`key ${old.id}, which is not configured`));
  });

  it('refuses an altered value: ciphertext, tag, nonce or key id', () => {
    const sealer = new Sealer(current, [old]);
    const sealed = sealer.seal('111222333', 'ck_a');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      const altered = [...parts];
      altered[index] = bytes.toString('base64url');
      expect(() => sealer.open(altered.join('.'), 'ck_a')).toThrow();
    }
    expect(() => sealer.open([parts[0], old.id, ...parts.slice(2)].join('.'), 'ck_a')).toThrow();
    expect(() => sealer.open('not sealed', 'ck_a')).toThrow(/Not a sealed value/);
    // Without a legacy layout, a v1 value is not read at all.
    expect(() => sealer.open('v1.a.b.c', 'ck_a')).toThrow(/Not a sealed value/);
  });

  it('gives a keyed, stable blind index that differs per key', () => {
    const key = randomBytes(32);
    expect(blindIndex(key, 'ck_a', 'hex')).toBe(blindIndex(key, 'ck_a', 'hex'));
    expect(blindIndex(key, 'ck_a', 'hex')).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(key, 'ck_a', 'base64url')).toMatch(/^[\w-]{43}$/);
    expect(blindIndex(randomBytes(32), 'ck_a', 'hex')).not.toBe(blindIndex(key, 'ck_a', 'hex'));
  });

  it('reads keys from the environment: hex or base64, previous keys, development only outside production', () => {
    const development = developmentKey('a development phrase');
    const variables = { current: 'K', previous: 'K_PREVIOUS', development };
    const hex = 'ab'.repeat(32);
    const b64 = Buffer.alloc(32, 3).toString('base64');
    const sealer = sealerFromEnvironment(variables, { K: hex, K_PREVIOUS: `${b64}, ${'cd'.repeat(32)}` });
    expect(sealer.currentKeyId).toBe(sealingKey(Buffer.from(hex, 'hex')).id);
    expect(sealer.open(new Sealer(sealingKey(Buffer.alloc(32, 3))).seal('x', 'c'), 'c')).toBe('x');
    expect(sealerFromEnvironment(variables, {}).currentKeyId).toBe(sealingKey(development).id);
    expect(() => sealerFromEnvironment(variables, { NODE_ENV: 'production' })).toThrow(SealingConfigurationError);
    expect(() => sealerFromEnvironment(variables, { NODE_ENV: 'production', K: development.toString('hex') })).toThrow(/development key may not be used/);
    expect(() => sealerFromEnvironment(variables, { NODE_ENV: 'production', K: hex, K_PREVIOUS: development.toString('base64') })).toThrow(/development key may not be used/);
    expect(() => sealerFromEnvironment(variables, { NODE_ENV: 'production', K: hex })).not.toThrow();
    expect(() => parseSealingKey('too-short', 'K')).toThrow(/K must be 32 bytes/);
    expect(() => sealingKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});
