// Deterministic ids: the same command retried yields the same event ids, so the
// store's idempotent append turns a retry into a no-op instead of a duplicate.
import { createHash } from 'node:crypto';

const NAMESPACE = '6f0e3c1a-9b7d-5e2f-8a41-2c9d7b3e5f10';

function bytesOf(uuid: string): Buffer {
  const bytes = Buffer.from(uuid.replace(/-/g, ''), 'hex');
  if (bytes.length !== 16) throw new Error(`uuidV5: namespace "${uuid}" is not a UUID`);
  return bytes;
}

/** RFC 9562 UUIDv5 (SHA-1, name-based) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
