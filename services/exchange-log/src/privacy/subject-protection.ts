// `dpl.core.data_subject_id` is kept encrypted at rest (the shared sealing: AES-256-GCM,
// random nonce, key id, the field name as associated data) and found again only through a keyed HMAC blind
// index: a database dump reveals neither the client key nor who is who. Both keys come
// from configuration; outside production a fixed development key is used, in
// production a missing key stops the service.
import { createHash, timingSafeEqual } from 'node:crypto';
import { blindIndex, developmentKey, parseSealingKey, type Sealer, sealerFromEnvironment } from '@wcc/runtime';
import type { ProtectedSubject } from '@wcc/exchange-log-domain';

/** Bound into every sealed subject: a value sealed for another field or service does not open here. */
const CONTEXT = 'wcc-exchange-log:dpl.core.data_subject_id';

export interface SubjectKeys {
  /** The shared sealing (AES-256-GCM with key id) under EXCHANGE_LOG_SUBJECT_KEY. */
  readonly sealer: Sealer;
  /** At least 32 bytes. */
  readonly blindIndexKey: Buffer;
}

function blindIndexKeyFrom(env: NodeJS.ProcessEnv): Buffer {
  const configured = env['EXCHANGE_LOG_BLIND_INDEX_KEY'];
  if (!configured) {
    if (env['NODE_ENV'] === 'production') throw new Error('EXCHANGE_LOG_BLIND_INDEX_KEY is not set; the exchange log refuses to index data subject ids with a development key in production.');
    return developmentKey('wcc-exchange-log-development-blind-index-do-not-use-in-production');
  }
  const key = Buffer.from(configured, 'base64');
  if (key.length < 32) throw new Error(`EXCHANGE_LOG_BLIND_INDEX_KEY must be at least 32 bytes, base64-encoded (got ${key.length}).`);
  return key;
}

/**
 * EXCHANGE_LOG_SUBJECT_KEY (AES-256; EXCHANGE_LOG_SUBJECT_KEYS_PREVIOUS the keys rotated out)
 * and EXCHANGE_LOG_BLIND_INDEX_KEY (HMAC-SHA-256, base64).
 */
export function subjectKeysFromEnv(env: NodeJS.ProcessEnv = process.env): SubjectKeys {
  const development = developmentKey('wcc-exchange-log-development-subject-do-not-use-in-production');
  const sealer = sealerFromEnvironment({ current: 'EXCHANGE_LOG_SUBJECT_KEY', previous: 'EXCHANGE_LOG_SUBJECT_KEYS_PREVIOUS', development, legacy: 'v1.nonce.tag.ciphertext' }, env);
  const blindIndexKey = blindIndexKeyFrom(env);
  const configured = env['EXCHANGE_LOG_SUBJECT_KEY'];
  const encryptionKey = configured ? parseSealingKey(configured, 'EXCHANGE_LOG_SUBJECT_KEY') : development;
  if (timingSafeEqual(createHash('sha256').update(encryptionKey).digest(), createHash('sha256').update(blindIndexKey).digest())) {
    throw new Error('EXCHANGE_LOG_SUBJECT_KEY and EXCHANGE_LOG_BLIND_INDEX_KEY must differ.');
  }
  return { sealer, blindIndexKey };
}

export class SubjectProtection {
  constructor(private readonly keys: SubjectKeys) {}

  /** The same client key always gives the same index; without the key it cannot be recomputed. */
  blindIndex(clientKey: string): string {
    return blindIndex(this.keys.blindIndexKey, clientKey, 'hex');
  }

  encrypt(clientKey: string): string {
    return this.keys.sealer.seal(clientKey, CONTEXT);
  }

  /** For an authorised reader only; throws when the text was altered or an unknown key made it. */
  decrypt(text: string): string {
    return this.keys.sealer.open(text, CONTEXT);
  }

  protect(clientKey: string): ProtectedSubject {
    return { ciphertext: this.encrypt(clientKey), blindIndex: this.blindIndex(clientKey) };
  }
}
