// Idempotency-Key semantics: a request repeated with the same key (the client never saw
// the first answer) gets the first answer again, not a 409 from the state the first
// one created. The first command's events are found by their causation id.
import { streamId, type Command, type Decider, type DomainEvent } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, type HandledCommand, type StreamCommand } from '@wcc/nest-kit';

export abstract class IdempotentDeciderHandler<C extends Command, E extends DomainEvent, S> extends DeciderCommandHandler<C, E, S> {
  protected constructor(
    protected readonly events: EventStore,
    protected readonly streamDecider: Decider<C, E, S>,
  ) {
    super(events, streamDecider);
  }

  override async execute(message: StreamCommand<C>): Promise<HandledCommand<E>> {
    const stream = streamId(this.streamDecider.streamType, message.id);
    const earlier = (await this.events.readStream(stream)).filter((e) => e.metadata.causationId === message.metadata.commandId);
    const last = earlier.at(-1);
    if (last) return { streamId: stream, events: earlier.map((e) => ({ type: e.type, data: e.data }) as E), eventIds: earlier.map((e) => e.id), version: last.streamVersion };
    return super.execute(message);
  }
}
