// Freezes every registered event type that has no released snapshot yet into
// contracts/released/<type>.json. Only adds: a snapshot that exists is what other
// organisations built against and is never overwritten.
//   node -r @swc-node/register contracts/scripts/release-schemas.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { releasedSnapshotFileName, releasedSnapshotOf, renderReleasedSnapshot } from '../src/compatibility/released-snapshot';
import { integrationEvents } from '../src/registry';

const releasedDir = resolve(__dirname, '..', 'released');
mkdirSync(releasedDir, { recursive: true });

let added = 0;
for (const definition of integrationEvents) {
  const file = join(releasedDir, releasedSnapshotFileName(definition.type));
  if (existsSync(file)) continue;
  writeFileSync(file, renderReleasedSnapshot(releasedSnapshotOf(definition)), { flag: 'wx' });
  console.log(`released ${definition.type}`);
  added++;
}
console.log(`${added} snapshot(s) added, ${integrationEvents.length - added} already released.`);
