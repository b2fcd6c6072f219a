// Rebuilds the case view's read models from the partners' topics, from scratch:
//   node -r @swc-node/register services/case-view/src/rebuild.ts
// Reads DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX and KAFKA_GROUP_PREFIX like the
// service. Safe while the service runs: the live projection waits for the rebuild's
// transaction and then carries on from its own offsets.
import pg from 'pg';
import { topicsTouchedBy } from '@wcc/contracts';
import { ensureTopics, kafkaFor, physicalTopic, requiredEnv } from '@wcc/nest-kit';
import { openCaseViewDataSource } from './persistence/case-view-data-source';
import { CaseProjector } from './projection/case-projector';
import { projectedTopics } from './projection/projected-topics';
import { rebuildCaseView, type RebuildProgress } from './projection/rebuild';

function line(p: RebuildProgress, startedAt: number): string {
  const percent = p.total === 0 ? 100 : Math.floor((p.read / p.total) * 100);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  switch (p.phase) {
    case 'reading':
      return `case-view rebuild: read ${p.read}/${p.total} messages (${percent}%), ${p.items} items, ${p.skipped} skipped, ${seconds}s`;
    case 'folding':
      return `case-view rebuild: folding ${p.cases} cases from ${p.items} items, ${seconds}s`;
    case 'done':
      return `case-view rebuild: done: ${p.read} messages, ${p.items} items, ${p.cases} cases, ${p.skipped} skipped, ${seconds}s`;
  }
}

async function main(): Promise<void> {
  const url = requiredEnv('DATABASE_URL');
  const startedAt = Date.now();
  const dataSource = await openCaseViewDataSource(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const topics = projectedTopics.map(physicalTopic);
    const kafka = kafkaFor('case-view-rebuild');
    await ensureTopics(kafka, topicsTouchedBy('case-view'));
    console.log(`case-view rebuild: ${topics.join(', ')}`);
    await rebuildCaseView({
      pool,
      projector: new CaseProjector(dataSource),
      kafka,
      topics,
      groupPrefix: process.env['KAFKA_GROUP_PREFIX'] ?? '',
      onProgress: (p) => console.log(line(p, startedAt)),
    });
  } finally {
    await pool.end();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`case-view rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
