// Creating topics and waiting until every partition has a leader. kafkajs's own
// waitForLeaders gives up when a fresh broker briefly answers "unknown topic" right
// after the create, which made first produces on a just-started broker flaky.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, ITopicConfig } from 'kafkajs';

export async function createTopicsAndWait(admin: Admin, topics: readonly ITopicConfig[], timeoutMs = 30_000): Promise<void> {
  if (topics.length === 0) return;
  await admin.createTopics({ waitForLeaders: false, topics: [...topics] });
  const names = topics.map((t) => t.topic);
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
      const leaderless = metadata.flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}/${p.partitionId}`));
      if (metadata.length === names.length && leaderless.length === 0) return;
      lastProblem = leaderless.length ? `no leader yet for ${leaderless.slice(0, 5).join(', ')}` : 'metadata incomplete';
    } catch (err) {
      lastProblem = err instanceof Error ? err.message : String(err);
    }
    await sleep(100);
  }
  throw new Error(`Topics ${names.join(', ')} had no leaders after ${timeoutMs / 1000}s: ${lastProblem}`);
}
