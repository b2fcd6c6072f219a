// `dpl.core.data_subject_id` is kept encrypted at rest (AES-256-GCM, random IV, the
// field name as associated data) and found again only through a keyed HMAC blind
// index: a database dump reveals neither the client key nor who is who. Both keys come
// from configuration; outside production a fixed development key is used, in
// production a missing key stops the service.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ProtectedSubject } from '@wcc/exchange-log-domain';

const VERSION = 'v1';
const AAD = Buffer.from('wcc-exchange-log:dpl.core.data_subject_id', 'utf8');

export interface SubjectKeys {
  /** 32 bytes. */
  readonly encryptionKey: Buffer;
  /** At least 32 bytes. */
  readonly blindIndexKey: Buffer;
}

function developmentKey(label: string): Buffer {
  return createHash('sha256').update(`wcc-exchange-log-development-${label}-do-not-use-in-production`).digest();
}

function keyFrom(name: string, label: string, env: NodeJS.ProcessEnv): Buffer {
  const configured = env[name];
  if (!configured) {
    if (env['NODE_ENV'] === 'production') throw new Error(`${name} is not set; the exchange log refuses to store data subject ids with a development key in production.`);
    return developmentKey(label);
  }
  const key = Buffer.from(configured, 'base64');
  if (key.length < 32) throw new Error(`${name} must be at least 32 bytes, base64-encoded (got ${key.length}).`);
  return key;
}

/** EXCHANGE_LOG_SUBJECT_KEY (AES-256, base64) and EXCHANGE_LOG_BLIND_INDEX_KEY (HMAC-SHA-256, base64). */
export function subjectKeysFromEnv(env: NodeJS.ProcessEnv = process.env): SubjectKeys {
  const encryptionKey = keyFrom('EXCHANGE_LOG_SUBJECT_KEY', 'subject', env);
  if (encryptionKey.length !== 32) throw new Error('EXCHANGE_LOG_SUBJECT_KEY must be exactly 32 bytes (AES-256), base64-encoded.');
  const blindIndexKey = keyFrom('EXCHANGE_LOG_BLIND_INDEX_KEY', 'blind-index', env);
  if (timingSafeEqual(createHash('sha256').update(encryptionKey).digest(), createHash('sha256').update(blindIndexKey).digest())) {
    throw new Error('EXCHANGE_LOG_SUBJECT_KEY and EXCHANGE_LOG_BLIND_INDEX_KEY must differ.');
  }
  return { encryptionKey, blindIndexKey };
}

export class SubjectProtection {
  constructor(private readonly keys: SubjectKeys) {}

  /** The same client key always gives the same index; without the key it cannot be recomputed. */
  blindIndex(clientKey: string): string {
    return createHmac('sha256', this.keys.blindIndexKey).update(clientKey, 'utf8').digest('hex');
  }

  encrypt(clientKey: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    cipher.setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(clientKey, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /** For an authorised reader only; throws when the text was altered or another key made it. */
  decrypt(text: string): string {
    const [version, iv, tag, ciphertext] = text.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Not an encrypted data subject id of this log.');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  protect(clientKey: string): ProtectedSubject {
    return { ciphertext: this.encrypt(clientKey), blindIndex: this.blindIndex(clientKey) };
  }
}
