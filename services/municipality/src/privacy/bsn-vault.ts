// The only place the BSN (and the client's name) is handled in clear text. At rest it
// is sealed with AES-256-GCM under BSN_ENCRYPTION_KEY, bound to the client key so a
// sealed value cannot be moved to another client. What the rest of the chain sees is
// the client key: an HMAC-SHA256 of the BSN under CLIENT_KEY_SECRET, which nobody
// without that secret can link back to a BSN, and which is the same for the same BSN.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { Bsn } from '@wcc/municipality-domain';

const SEALED_PREFIX = 'v1';
const DEVELOPMENT_ENCRYPTION_KEY = createHash('sha256').update('wcc-development-bsn-encryption-key-do-not-use-in-production').digest();
const DEVELOPMENT_CLIENT_KEY_SECRET = 'wcc-development-client-key-secret-do-not-use-in-production';

export class BsnVaultConfigurationError extends Error {
  override readonly name = 'BsnVaultConfigurationError';
}

/** 32 bytes, given as 64 hex digits or as base64. */
export function parseEncryptionKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new BsnVaultConfigurationError('BSN_ENCRYPTION_KEY must be 32 bytes: 64 hex digits or base64 of 32 bytes.');
  return key;
}

export class BsnVault {
  private readonly encryptionKey: Buffer;
  private readonly clientKeySecret: Buffer;

  constructor(encryptionKey: Buffer, clientKeySecret: string) {
    if (encryptionKey.length !== 32) throw new BsnVaultConfigurationError('The BSN encryption key must be 32 bytes (AES-256).');
    if (clientKeySecret.length < 32) throw new BsnVaultConfigurationError('CLIENT_KEY_SECRET must be at least 32 characters.');
    this.encryptionKey = encryptionKey;
    this.clientKeySecret = Buffer.from(clientKeySecret, 'utf8');
  }

  /**
   * From BSN_ENCRYPTION_KEY and CLIENT_KEY_SECRET. Outside production a development
   * default stands in for a missing value; in production both must be set, and the
   * development defaults are refused.
   */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): BsnVault {
    const production = env['NODE_ENV'] === 'production';
    const configuredKey = env['BSN_ENCRYPTION_KEY'];
    const configuredSecret = env['CLIENT_KEY_SECRET'];
    if (production && (!configuredKey || !configuredSecret)) {
      throw new BsnVaultConfigurationError('Set BSN_ENCRYPTION_KEY and CLIENT_KEY_SECRET in production; the development defaults are refused.');
    }
    const key = configuredKey ? parseEncryptionKey(configuredKey) : DEVELOPMENT_ENCRYPTION_KEY;
    const secret = configuredSecret ?? DEVELOPMENT_CLIENT_KEY_SECRET;
    if (production && (key.equals(DEVELOPMENT_ENCRYPTION_KEY) || secret === DEVELOPMENT_CLIENT_KEY_SECRET)) {
      throw new BsnVaultConfigurationError('The development BSN keys may not be used in production.');
    }
    return new BsnVault(key, secret);
  }

  /** `ck_` + base64url(HMAC-SHA256(secret, BSN)): 46 characters, never nine digits. */
  clientKeyOf(bsn: Bsn): string {
    return `ck_${this.pseudonymOf(bsn, 'bsn')}`;
  }

  /** base64url(HMAC-SHA256(secret, purpose:text)): stands for a personal value where only equality matters. */
  pseudonymOf(text: string, purpose: string): string {
    return createHmac('sha256', this.clientKeySecret).update(`${purpose}:${text}`, 'utf8').digest('base64url');
  }

  /** AES-256-GCM with a fresh 96-bit nonce; `context` (the client key) is authenticated with it. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [SEALED_PREFIX, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Throws when the value was sealed under another key or for another context, or was altered. */
  open(sealed: string, context: string): string {
    const [prefix, iv, ciphertext, tag, ...rest] = sealed.split('.');
    if (prefix !== SEALED_PREFIX || !iv || ciphertext === undefined || !tag || rest.length > 0) throw new Error('Not a sealed value of this vault.');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** Shown to client managers only: all but the last three digits hidden. */
export function maskBsn(bsn: string): string {
  return `${'*'.repeat(Math.max(0, bsn.length - 3))}${bsn.slice(-3)}`;
}

export const BSN_VAULT = Symbol('BSN_VAULT');
