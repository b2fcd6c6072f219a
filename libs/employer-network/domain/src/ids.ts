// Ids of things a command creates, derived from the command id: a retried command
// (same Idempotency-Key) creates the same employer, vacancy or placement, never a twin.
import { dateInAmsterdam, uuidV5, type CommandMetadata } from '@wcc/domain-kit';

export function newIdFor(metadata: Pick<CommandMetadata, 'commandId'>, what: 'employer' | 'vacancy' | 'contact' | 'placement'): string {
  return uuidV5(`${metadata.commandId}:${what}`);
}

/** The Dutch calendar date (YYYY-MM-DD) of an ISO timestamp, for comparing with date fields: after 23:00 UTC it is already the next day. */
export function dateOf(isoTimestamp: string): string {
  return dateInAmsterdam(isoTimestamp);
}
