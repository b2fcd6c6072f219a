// Idempotency-Key semantics: a command whose id was already handled returns what it
// returned the first time instead of being decided again (which would often be a
// refusal: "regie already assigned" for the very request that assigned it).
import { streamId as streamIdOf, uuidV5, type Command, type CommandMetadata, type Decider, type DomainEvent } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { handleWithDecider, type HandledCommand } from '@wcc/nest-kit';

export async function handleIdempotently<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  command: C,
  metadata: CommandMetadata,
): Promise<HandledCommand<E>> {
  const stream = streamIdOf(decider.streamType, id);
  // handleWithDecider derives the first event's id exactly like this.
  const firstEventId = uuidV5(`${metadata.commandId}:${stream}:0`);
  const recorded = await store.readStream(stream);
  const earlier = recorded.filter((e) => e.metadata.causationId === metadata.commandId);
  if (earlier.some((e) => e.id === firstEventId)) {
    return { streamId: stream, events: earlier.map((e) => ({ type: e.type, data: e.data }) as E), eventIds: earlier.map((e) => e.id), version: earlier.at(-1)!.streamVersion };
  }
  return handleWithDecider(store, decider, id, command, metadata);
}
