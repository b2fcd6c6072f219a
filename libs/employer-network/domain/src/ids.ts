// Ids of things a command creates, derived from the command id: a retried command
// (same Idempotency-Key) creates the same employer, vacancy or placement, never a twin.
import { uuidV5, type CommandMetadata } from '@wcc/domain-kit';

export function newIdFor(metadata: Pick<CommandMetadata, 'commandId'>, what: 'employer' | 'vacancy' | 'contact' | 'placement'): string {
  return uuidV5(`${metadata.commandId}:${what}`);
}

/** ISO calendar date (YYYY-MM-DD) of an ISO timestamp, for comparing with date fields. */
export function dateOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10);
}
