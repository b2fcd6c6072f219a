// Tamper evidence: every record's hash is SHA-256 over a canonical serialisation of
// all its stored fields, the previous record's hash among them. Changing, removing or
// reordering any record breaks the chain from that record on; the verifier names the
// first broken link.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@wcc/domain-kit';
import type { DisclosureRecord, DisclosureRecordFields } from './disclosure-record';

/** The `previous_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of a record at `position` following `previousHash`. */
export function recordHash(fields: DisclosureRecordFields, position: number, previousHash: string): string {
  const { hash: _hash, ...content } = fields as DisclosureRecordFields & { hash?: string };
  return createHash('sha256')
    .update(canonicalJson({ ...content, position, previous_hash: previousHash }), 'utf8')
    .digest('hex');
}

export interface ChainHead {
  readonly position: number;
  readonly hash: string;
}

export const emptyChain: ChainHead = { position: 0, hash: GENESIS_HASH };

/** Appends records after `head`: positions, previous hashes and hashes. Pure. */
export function chainRecords(head: ChainHead, records: readonly DisclosureRecordFields[]): DisclosureRecord[] {
  const chained: DisclosureRecord[] = [];
  let current = head;
  for (const fields of records) {
    const position = current.position + 1;
    const hash = recordHash(fields, position, current.hash);
    chained.push({ ...fields, position, previous_hash: current.hash, hash });
    current = { position, hash };
  }
  return chained;
}

export interface BrokenLink {
  readonly position: number;
  readonly id: string;
  readonly reason: string;
}

export type VerificationResult = { readonly ok: true; readonly checked: number; readonly head: ChainHead } | { readonly ok: false; readonly checked: number; readonly firstBroken: BrokenLink };

/** Checks records one by one in position order; stops caring after the first broken link. */
export class ChainVerifier {
  private head: ChainHead = emptyChain;
  private checked = 0;
  private broken: BrokenLink | undefined;

  /** Feeds the next record; returns the first broken link once found. */
  push(record: DisclosureRecord): BrokenLink | undefined {
    if (this.broken) return this.broken;
    const expected = this.head.position + 1;
    if (record.position !== expected) {
      this.broken = {
        position: record.position,
        id: record.id,
        reason: `expected position ${expected} but found ${record.position}: a record before it is missing or the chain is out of order`,
      };
    } else if (record.previous_hash !== this.head.hash) {
      this.broken = { position: record.position, id: record.id, reason: 'previous_hash does not match the hash of the record before it' };
    } else if (recordHash(record, record.position, record.previous_hash) !== record.hash) {
      this.broken = { position: record.position, id: record.id, reason: 'the record was altered: its content no longer matches its hash' };
    }
    if (this.broken) return this.broken;
    this.checked += 1;
    this.head = { position: record.position, hash: record.hash };
    return undefined;
  }

  result(): VerificationResult {
    return this.broken ? { ok: false, checked: this.checked, firstBroken: this.broken } : { ok: true, checked: this.checked, head: this.head };
  }
}

export function verifyChain(records: Iterable<DisclosureRecord>): VerificationResult {
  const verifier = new ChainVerifier();
  for (const record of records) if (verifier.push(record)) break;
  return verifier.result();
}
