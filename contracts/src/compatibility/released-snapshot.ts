// A released event type is frozen as a snapshot in contracts/released/<type>.json:
// what other organisations built against. The current declaration must stay a
// compatible replacement for it, or become a new type version.
import type { IntegrationEventDefinition } from '../core/integration-event';
import { findIncompatibilities, type Incompatibility, type JsonSchema } from './schema-compatibility';

export interface ReleasedSnapshot {
  readonly type: string;
  readonly name: string;
  readonly version: number;
  readonly producer: string;
  readonly topic: string;
  readonly schema: JsonSchema;
}

export function releasedSnapshotOf(definition: IntegrationEventDefinition): ReleasedSnapshot {
  return {
    type: definition.type,
    name: definition.name,
    version: definition.version,
    producer: definition.producer,
    topic: definition.topic,
    // Through JSON, so TypeBox's symbol keys are gone and the snapshot is plain JSON Schema.
    schema: JSON.parse(JSON.stringify(definition.schema)) as JsonSchema,
  };
}

export function releasedSnapshotFileName(type: string): string {
  return `${type}.json`;
}

export function renderReleasedSnapshot(snapshot: ReleasedSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Everything in the current declaration that breaks what was released. */
export function incompatibilitiesSinceRelease(released: ReleasedSnapshot, definition: IntegrationEventDefinition): Incompatibility[] {
  const current = releasedSnapshotOf(definition);
  const found: Incompatibility[] = [];
  if (current.topic !== released.topic) {
    found.push({ kind: 'keyword-changed', path: '', message: `topic changed from ${released.topic} to ${current.topic}; its consumers would stop receiving it` });
  }
  found.push(...findIncompatibilities(released.schema, current.schema));
  return found;
}

/** The message a developer gets when a released event changed incompatibly: what broke, and what to do instead. */
export function describeIncompatibleChange(released: ReleasedSnapshot, incompatibilities: readonly Incompatibility[]): string {
  const next = released.type.replace(/\.v(\d+)$/, (_match, version: string) => `.v${Number(version) + 1}`);
  return [
    `${released.name} v${released.version} (${released.type}) changed incompatibly since it was released:`,
    ...incompatibilities.map((change) => `  - ${change.path || '(event data)'}: ${change.message} [${change.kind}]`),
    `Other organisations consume this type as released, so keep it as it was and declare the change as a new type version`,
    `(${released.name} version ${released.version + 1}, ${next}), published alongside v${released.version} until every consumer has moved.`,
    `The released snapshot is contracts/released/${releasedSnapshotFileName(released.type)}; never edit it to make this pass.`,
  ].join('\n');
}
