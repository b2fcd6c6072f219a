// The withdrawal guarantee: once the municipality has answered a consent withdrawal, no
// later read of the case view shows what it covered. The municipality answers only after
// its relay's acknowledgement from the broker (publishedToChain); the case view, before
// it decides what anyone sees of a case, waits until it has applied everything the broker
// holds on the municipality's topic for that case (its partition; every partition for a
// case list). A read is never older than a withdrawal that was answered before it began.
// Fail closed: a case view that cannot catch up in time answers 503 rather than a view
// that might still show a withdrawn consent.
import { Inject, Injectable } from '@nestjs/common';
import { municipalityCaseEventsTopic } from '@wcc/contracts';
import type { IntegrationConsumer } from '@wcc/messaging';
import { INTEGRATION_CONSUMERS, physicalTopic, ProblemException } from '@wcc/nest-kit';

/** How long a read may wait for the projection to reach the broker's end for its case. */
export const CONSENT_FENCE_TIMEOUT_MS = 3_000;

@Injectable()
export class ConsentFence {
  private readonly topic = physicalTopic(municipalityCaseEventsTopic);

  constructor(@Inject(INTEGRATION_CONSUMERS) private readonly consumers: IntegrationConsumer[]) {}

  /** Waits until the municipality's events for `caseId` (all cases when undefined) are applied. */
  async pass(caseId: string | undefined): Promise<void> {
    const consumer = this.consumers.find((c) => c.topics.includes(this.topic));
    if (!consumer) throw new Error(`the case view consumes no ${this.topic}: it cannot know the client's consents`);
    if (await consumer.caughtUpWith(this.topic, caseId, CONSENT_FENCE_TIMEOUT_MS)) return;
    throw ProblemException.unavailable(
      `The shared case view has not yet applied the latest consent decisions${caseId ? ` for case ${caseId}` : ''}; it shows nothing rather than something the client may have withdrawn. Try again shortly.`,
    );
  }
}
