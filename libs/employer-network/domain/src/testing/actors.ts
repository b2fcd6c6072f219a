// Who sends the commands in this library's decider specs, and their command metadata.
import type { Actor, CommandMetadata } from '@wcc/domain-kit';
import { commandMetadata } from '@wcc/domain-kit/testing';

export const accountManager: Actor = { userId: 'am-1', organisationId: 'wsp-rijnmond', organisationType: 'employer-network' };
export const otherAccountManager: Actor = { userId: 'am-9', organisationId: 'werkgeversservicepunt-noord', organisationType: 'employer-network' };
export const clientManager: Actor = { userId: 'km-1', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' };

/** A command's metadata; the command id is each test's own, as the ids a command creates derive from it. */
export function metadataOf(commandId: string, actor: Actor = accountManager): CommandMetadata {
  return commandMetadata(actor, { commandId, now: '2025-06-02T10:00:00.000Z', correlationId: `corr-${commandId}` });
}
