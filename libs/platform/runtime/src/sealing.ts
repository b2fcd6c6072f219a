// One way to keep a personal value encrypted at rest, for every service: AES-256-GCM with a
// fresh 96-bit nonce, a context bound in as associated data (a sealed value cannot be moved
// to another client or field), and the id of the key on every sealed value, so keys rotate
// without rewriting what was stored: seal under the current key, open under whichever key
// the value names. Equality lookups go through a keyed HMAC (a blind index), never the
// clear value. Keys come from the environment; production refuses a missing key and the
// development defaults.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** `s2.<key id>.<nonce>.<ciphertext>.<tag>`, each part base64url. */
const FORMAT = 's2';

export class SealingConfigurationError extends Error {
  override readonly name = 'SealingConfigurationError';
}

export interface SealingKey {
  /** Derived from the key (first 8 bytes of its SHA-256, hex): the same key has the same id everywhere. */
  readonly id: string;
  readonly key: Buffer;
}

/**
 * How values sealed before this format were laid out: both services once wrote `v1.` and the
 * nonce, then the municipality the ciphertext and the tag, the exchange log the tag and the
 * ciphertext. Such values are still opened (with any configured key); new ones are `s2`.
 */
export type LegacyLayout = 'v1.nonce.ciphertext.tag' | 'v1.nonce.tag.ciphertext';

export function sealingKey(key: Buffer): SealingKey {
  if (key.length !== 32) throw new SealingConfigurationError('A sealing key must be 32 bytes (AES-256).');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** 32 bytes, given as 64 hex digits or as base64. */
export function parseSealingKey(value: string, variable = 'the key'): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new SealingConfigurationError(`${variable} must be 32 bytes: 64 hex digits or base64 of 32 bytes (got ${key.length}).`);
  return key;
}

export class Sealer {
  private readonly byId: ReadonlyMap<string, SealingKey>;

  /** `previous`: keys rotated out, kept to open what they sealed. */
  constructor(
    private readonly current: SealingKey,
    previous: readonly SealingKey[] = [],
    private readonly legacy?: LegacyLayout,
  ) {
    this.byId = new Map([current, ...previous].map((k) => [k.id, k]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.current.id, nonce.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Throws when the value names an unknown key, was sealed for another context, or was altered. */
  open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts[0] === FORMAT && parts.length === 5) {
      const [, keyId, nonce, ciphertext, tag] = parts as [string, string, string, string, string];
      const key = this.byId.get(keyId);
      if (!key) throw new Error(`Sealed under key ${keyId}, which is not configured (current ${this.current.id}).`);
      return decrypt(key.key, nonce, ciphertext, tag, context);
    }
    if (this.legacy && parts[0] === 'v1' && parts.length === 4) {
      const [, nonce, a, b] = parts as [string, string, string, string];
      const [ciphertext, tag] = this.legacy === 'v1.nonce.ciphertext.tag' ? [a, b] : [b, a];
      let last: unknown;
      // A legacy value names no key: try each configured one, the current first.
      for (const key of this.byId.values()) {
        try {
          return decrypt(key.key, nonce, ciphertext, tag, context);
        } catch (error) {
          last = error;
        }
      }
      throw last instanceof Error ? last : new Error('No configured key opens this value.');
    }
    throw new Error('Not a sealed value.');
  }

  /** Whether `sealed` is under the current key (false: re-seal it when convenient). */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`${FORMAT}.${this.current.id}.`);
  }
}

function decrypt(key: Buffer, nonce: string, ciphertext: string, tag: string, context: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** HMAC-SHA-256 of `text` under `key`: the same text gives the same index; without the key it cannot be recomputed. */
export function blindIndex(key: Buffer, text: string, encoding: 'hex' | 'base64url'): string {
  return createHmac('sha256', key).update(text, 'utf8').digest(encoding);
}

/** The development stand-in for a key: SHA-256 of a fixed phrase (each service keeps its own), refused in production. */
export function developmentKey(phrase: string): Buffer {
  return createHash('sha256').update(phrase).digest();
}

export interface SealerVariables {
  /** The current key, e.g. BSN_ENCRYPTION_KEY. */
  readonly current: string;
  /** Keys rotated out, comma-separated, e.g. BSN_ENCRYPTION_KEYS_PREVIOUS. */
  readonly previous: string;
  /** Stands in outside production when `current` is not set. */
  readonly development: Buffer;
  readonly legacy?: LegacyLayout;
}

/**
 * A Sealer from the environment. Outside production a missing key is the development key;
 * in production a missing key, or the development key, stops the service.
 */
export function sealerFromEnvironment(variables: SealerVariables, env: NodeJS.ProcessEnv = process.env): Sealer {
  const production = env['NODE_ENV'] === 'production';
  const configured = env[variables.current];
  if (production && !configured) throw new SealingConfigurationError(`Set ${variables.current} in production; the development key is refused.`);
  const current = configured ? parseSealingKey(configured, variables.current) : variables.development;
  const previous = (env[variables.previous] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => parseSealingKey(v, variables.previous));
  if (production && [current, ...previous].some((k) => k.equals(variables.development))) {
    throw new SealingConfigurationError(`The development key may not be used in production (${variables.current}, ${variables.previous}).`);
  }
  return new Sealer(sealingKey(current), previous.map(sealingKey), variables.legacy);
}
