// The only place the BSN (and the client's name) is handled in clear text. At rest it
// is sealed with the shared sealing (AES-256-GCM, key id on each value) under
// BSN_ENCRYPTION_KEY, bound to the client key so a sealed value cannot be moved to another
// client. What the rest of the chain sees is
// the client key: an HMAC-SHA256 of the BSN under CLIENT_KEY_SECRET, which nobody
// without that secret can link back to a BSN, and which is the same for the same BSN.
import { blindIndex, developmentKey, parseSealingKey, Sealer, sealerFromEnvironment, sealingKey, SealingConfigurationError } from '@wcc/runtime';
import type { Bsn } from '@wcc/municipality-domain';

const DEVELOPMENT_ENCRYPTION_KEY = developmentKey('wcc-development-bsn-encryption-key-do-not-use-in-production');
const DEVELOPMENT_CLIENT_KEY_SECRET = 'wcc-development-client-key-secret-do-not-use-in-production';

/** The vault's configuration errors are the shared sealing's (one error for every key setting). */
export { SealingConfigurationError as BsnVaultConfigurationError };

/** 32 bytes, given as 64 hex digits or as base64. */
export const parseEncryptionKey = (value: string): Buffer => parseSealingKey(value, 'BSN_ENCRYPTION_KEY');

export class BsnVault {
  private readonly clientKeySecret: Buffer;

  /** `sealer`: the shared AES-256-GCM sealing (`@wcc/runtime`), or a single key for tests. */
  constructor(sealer: Sealer | Buffer, clientKeySecret: string) {
    this.sealer = Buffer.isBuffer(sealer) ? new Sealer(sealingKey(sealer), [], 'v1.nonce.ciphertext.tag') : sealer;
    if (clientKeySecret.length < 32) throw new SealingConfigurationError('CLIENT_KEY_SECRET must be at least 32 characters.');
    this.clientKeySecret = Buffer.from(clientKeySecret, 'utf8');
  }

  private readonly sealer: Sealer;

  /**
   * From BSN_ENCRYPTION_KEY (and BSN_ENCRYPTION_KEYS_PREVIOUS, the keys rotated out) and
   * CLIENT_KEY_SECRET. Outside production a development default stands in for a missing
   * value; in production both must be set, and the development defaults are refused.
   */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): BsnVault {
    const production = env['NODE_ENV'] === 'production';
    const configuredSecret = env['CLIENT_KEY_SECRET'];
    if (production && (!env['BSN_ENCRYPTION_KEY'] || !configuredSecret)) {
      throw new SealingConfigurationError('Set BSN_ENCRYPTION_KEY and CLIENT_KEY_SECRET in production; the development defaults are refused.');
    }
    const secret = configuredSecret ?? DEVELOPMENT_CLIENT_KEY_SECRET;
    if (production && secret === DEVELOPMENT_CLIENT_KEY_SECRET) throw new SealingConfigurationError('The development BSN keys may not be used in production.');
    const sealer = sealerFromEnvironment({ current: 'BSN_ENCRYPTION_KEY', previous: 'BSN_ENCRYPTION_KEYS_PREVIOUS', development: DEVELOPMENT_ENCRYPTION_KEY, legacy: 'v1.nonce.ciphertext.tag' }, env);
    return new BsnVault(sealer, secret);
  }

  /** `ck_` + base64url(HMAC-SHA256(secret, BSN)): 46 characters, never nine digits. */
  clientKeyOf(bsn: Bsn): string {
    return `ck_${this.pseudonymOf(bsn, 'bsn')}`;
  }

  /** base64url(HMAC-SHA256(secret, purpose:text)): stands for a personal value where only equality matters. */
  pseudonymOf(text: string, purpose: string): string {
    return blindIndex(this.clientKeySecret, `${purpose}:${text}`, 'base64url');
  }

  /** Sealed under the current key; `context` (the client key) is authenticated with it. */
  seal(plaintext: string, context: string): string {
    return this.sealer.seal(plaintext, context);
  }

  /** Throws when the value was sealed under an unknown key or for another context, or was altered. */
  open(sealed: string, context: string): string {
    return this.sealer.open(sealed, context);
  }
}

/** Shown to client managers only: all but the last three digits hidden. */
export function maskBsn(bsn: string): string {
  return `${'*'.repeat(Math.max(0, bsn.length - 3))}${bsn.slice(-3)}`;
}

export const BSN_VAULT = Symbol('BSN_VAULT');
