// The gate that makes `npm test` fail when a released event schema changes
// incompatibly: every registered event against its snapshot in contracts/released/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIncompatibleChange, incompatibilitiesSinceRelease, type ReleasedSnapshot, releasedSnapshotFileName, releasedSnapshotOf } from './compatibility/released-snapshot';
import { integrationEvents } from './registry';
import { clientReferredV1 } from './municipality/client-referred';

const releasedDir = resolve(__dirname, '..', 'released');
const releaseCommand = 'node -r @swc-node/register contracts/scripts/release-schemas.ts';

const snapshots = new Map<string, ReleasedSnapshot>(
  readdirSync(releasedDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const snapshot = JSON.parse(readFileSync(join(releasedDir, file), 'utf8')) as ReleasedSnapshot;
      return [snapshot.type, snapshot] as const;
    }),
);

describe('released event schemas', () => {
  it.each(integrationEvents.map((definition) => [definition.type, definition] as const))('%s is still compatible with what was released', (type, definition) => {
    const released = snapshots.get(type);
    if (released === undefined) {
      expect.fail(`${type} has no released snapshot. Once merged it is published, so freeze it: ${releaseCommand}`);
    }
    const incompatibilities = incompatibilitiesSinceRelease(released, definition);
    if (incompatibilities.length > 0) expect.fail(describeIncompatibleChange(released, incompatibilities));
  });

  it('keeps every released type registered until it is deliberately retired', () => {
    const registered = new Set(integrationEvents.map((definition) => definition.type));
    const orphaned = [...snapshots.keys()].filter((type) => !registered.has(type));
    expect(orphaned, `released but no longer registered (consumers may still depend on it; delete the snapshot only when retiring the type): ${orphaned.join(', ')}`).toEqual([]);
  });

  it('stores each snapshot under its own type', () => {
    for (const file of readdirSync(releasedDir).filter((name) => name.endsWith('.json'))) {
      const snapshot = JSON.parse(readFileSync(join(releasedDir, file), 'utf8')) as ReleasedSnapshot;
      expect(file).toBe(releasedSnapshotFileName(snapshot.type));
    }
  });

  it('would fail with advice to declare a new type version when a released field is removed', () => {
    const released = releasedSnapshotOf(clientReferredV1);
    const { replyDeadline: _removed, ...properties } = released.schema['properties'] as Record<string, unknown>;
    const shrunk = { ...clientReferredV1, schema: { ...clientReferredV1.schema, properties, required: [] } } as unknown as typeof clientReferredV1;

    const message = describeIncompatibleChange(released, incompatibilitiesSinceRelease(released, shrunk));

    expect(message).toContain("/replyDeadline: property 'replyDeadline' was removed [property-removed]");
    expect(message).toContain('declare the change as a new type version');
    expect(message).toContain('nl.workcarechain.municipality.client-referred.v2');
  });

  it('would fail when a released event moves to another topic', () => {
    const released = releasedSnapshotOf(clientReferredV1);
    const moved = { ...clientReferredV1, topic: 'wcc.municipality.referrals.v1' };
    expect(incompatibilitiesSinceRelease(released, moved).map((change) => change.message)).toEqual([
      'topic changed from wcc.municipality.case-events.v1 to wcc.municipality.referrals.v1; its consumers would stop receiving it',
    ]);
  });
});
