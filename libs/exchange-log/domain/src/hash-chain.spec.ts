import { describe, expect, it } from 'vitest';
import type { DisclosureRecordFields } from './disclosure-record';
import { chainRecords, emptyChain, GENESIS_HASH, recordHash, verifyChain } from './hash-chain';

function fields(n: number): DisclosureRecordFields {
  return {
    id: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
    trace_id: 'ab'.repeat(16),
    span_id: n.toString(16).padStart(16, '0'),
    parent_span_id: null,
    name: 'deliver ClientReferred',
    start_time: 1_741_000_000_000 + n,
    end_time: 1_741_000_000_500 + n,
    status_code: 'OK',
    foreign_operation: null,
    resource: { attributes: { 'service.name': 'wcc-exchange-log', 'service.version': '0.1.0' } },
    attributes: { 'dpl.core.processing_activity_id': 'urn:x', 'dpl.wcc.data_categories': ['administrative'], 'dpl.nen7513.toestemmingsProfiel': null },
    data_subject_index: 'f'.repeat(64),
    case_id: null,
    disclosure_kind: 'delivered',
    sender_organisation_id: 'gemeente-rotterdam',
    recipient_organisation_id: 'ggz-delfland',
    recipient_organisation_type: 'care-provider',
    processing_activity: 'client-referral',
  };
}

describe('hash chain', () => {
  const chain = chainRecords(emptyChain, [fields(1), fields(2), fields(3)]);

  it('links each record to the one before it, from the genesis hash', () => {
    expect(chain.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(chain[0]!.previous_hash).toBe(GENESIS_HASH);
    expect(chain[1]!.previous_hash).toBe(chain[0]!.hash);
    expect(chain[2]!.previous_hash).toBe(chain[1]!.hash);
    expect(chain[0]!.hash).toBe(recordHash(fields(1), 1, GENESIS_HASH));
    expect(new Set(chain.map((r) => r.hash)).size).toBe(3);
  });

  it('continues after an existing head', () => {
    const more = chainRecords({ position: 3, hash: chain[2]!.hash }, [fields(4)]);
    expect(verifyChain([...chain, ...more])).toEqual({ ok: true, checked: 4, head: { position: 4, hash: more[0]!.hash } });
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain)).toEqual({ ok: true, checked: 3, head: { position: 3, hash: chain[2]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, head: emptyChain });
  });

  it('names an altered record, even one changed only in a nested attribute', () => {
    const altered = chain.map((r) => (r.position === 2 ? { ...r, attributes: { ...r.attributes, 'dpl.wcc.data_categories': ['work'] } } : r));
    expect(verifyChain(altered)).toEqual({ ok: false, checked: 1, firstBroken: { position: 2, id: chain[1]!.id, reason: expect.stringContaining('altered') as unknown } });
  });

  it('names the record after a removed one', () => {
    expect(verifyChain([chain[0]!, chain[2]!])).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { position: 3, id: chain[2]!.id, reason: expect.stringContaining('expected position 2') as unknown },
    });
  });

  it('catches a record whose hash was recomputed after altering it', () => {
    const forged = { ...chain[1]!, recipient_organisation_id: 'someone-else' };
    const rehashed = { ...forged, hash: recordHash(forged, 2, forged.previous_hash) };
    expect(verifyChain([chain[0]!, rehashed, chain[2]!])).toMatchObject({ ok: false, firstBroken: { position: 3, id: chain[2]!.id, reason: expect.stringContaining('previous_hash') as unknown } });
  });
});
