// `npm run dlt -- list [--prefix P]` shows every dead letter on the broker: where it is,
// which consumer group refused it, why, and the CloudEvent it carries.
// `npm run dlt -- replay <topic.dlt:partition:offset> …` (or `replay --all [--prefix P]`)
// sends them back to their original topics once the cause is fixed; each consumer's inbox
// makes that safe (see libs/platform/messaging/src/dead-letters.ts).
// The broker: KAFKA_BROKERS, else the local one (npm run kafka:start). Nothing is started.
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { localBrokers } from '@wcc/kafka-local';
import { deadLetterTopics, listDeadLetters, replayDeadLetters, type DeadLetter } from '@wcc/messaging';

const usage = 'usage: npm run dlt -- list [--prefix <topic prefix>] | replay <topic.dlt:partition:offset> … | replay --all [--prefix <topic prefix>]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { prefix: { type: 'string', default: '' }, all: { type: 'boolean', default: false } } });
const [command, ...ids] = positionals;
if (command !== 'list' && command !== 'replay') fail(usage, 2);
if (command === 'replay' && ids.length === 0 && !values.all) fail(`replay needs the ids of dead letters (from \`list\`) or --all\n${usage}`, 2);

const brokers = (process.env['KAFKA_BROKERS'] ?? localBrokers).split(',');
const kafka = new Kafka({ clientId: 'wcc-dlt', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });

function table(letters: readonly DeadLetter[]): string {
  if (letters.length === 0) return 'no dead letters\n';
  return letters
    .map(
      (l) =>
        `${l.id}\n  group ${l.consumerGroup}, from ${l.originalTopic}[${l.originalPartition}]@${l.originalOffset}, ${l.cloudEventType ?? 'not a CloudEvent'} ${l.cloudEventId ?? ''}${l.replays ? `, replayed ${l.replays}×` : ''}\n  reason: ${l.reason}\n`,
    )
    .join('');
}

async function main(): Promise<void> {
  const topics = await deadLetterTopics(kafka, values.prefix);
  if (command === 'list') {
    const { letters, complete } = await listDeadLetters(kafka, topics);
    process.stdout.write(`${letters.length} dead letter(s) on ${topics.length} dead-letter topic(s) at ${brokers.join(',')}${complete ? '' : ' (not read to the end in time)'}\n${table(letters)}`);
    return;
  }
  const chosen = values.all ? (await listDeadLetters(kafka, topics)).letters.map((l) => l.id) : ids;
  for (const id of await replayDeadLetters(kafka, chosen)) process.stdout.write(`replayed ${id}\n`);
}

main().catch((error: unknown) => fail(`dlt: ${error instanceof Error ? error.message : String(error)}`));
