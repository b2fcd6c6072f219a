// Applies a partner's integration event to a case as a command, inside the consumer's
// inbox transaction. The partner organisation is the actor, so the decider can check
// that it answers only what was sent to it; the organisation type is the producer of
// the contract (the topic it came on), never a value taken from the data.
import { Logger } from '@nestjs/common';
import type pg from 'pg';
import type { OrganisationType } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { CommandRefused, commandMetadataFromEvent, handleWithDecider } from '@wcc/nest-kit';
import { caseDecider, type CaseCommand } from '@wcc/municipality-domain';

const logger = new Logger('municipality-consumer');

export async function applyToCase(
  store: EventStore,
  received: ReceivedIntegrationEvent,
  tx: pg.PoolClient,
  partner: { organisationId: string; organisationType: OrganisationType },
  caseId: string,
  command: CaseCommand,
): Promise<void> {
  const actor = { userId: `system:${partner.organisationId}`, ...partner };
  const metadata = commandMetadataFromEvent(received, actor, command.type);
  try {
    await handleWithDecider(store, caseDecider, caseId, command, metadata, { transaction: tx });
  } catch (err) {
    // Answers come on the served municipalities' own topics; one about a case this service does not hold (a partner's
    // mistaken case id) is not for it either, and is passed over.
    if (err instanceof CommandRefused && err.refusal.code === 'case-not-found') {
      logger.debug(`${received.definition.type} ${received.cloudEvent.id} is for a case this municipality does not hold; skipped`);
      return;
    }
    // Any other refusal (unknown referral, another organisation's referral, a second answer)
    // is thrown: the consumer retries, then dead-letters it with this reason.
    throw err;
  }
}
