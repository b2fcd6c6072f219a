// The @nestjs/cqrs face of handleWithDecider. A service declares a command class and
// a handler that names its decider; the handler body is the base class.
import type { ICommandHandler } from '@nestjs/cqrs';
import type { Command, CommandMetadata, Decider, DomainEvent } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { handleWithDecider, type HandledCommand, type HandleOptions } from './handle-with-decider';

/** A command addressed to one stream: `<decider.streamType>-<id>`. */
export abstract class StreamCommand<C extends Command> {
  constructor(
    readonly id: string,
    readonly command: C,
    readonly metadata: CommandMetadata,
  ) {}
}

export abstract class DeciderCommandHandler<C extends Command, E extends DomainEvent, S>
  implements ICommandHandler<StreamCommand<C>, HandledCommand<E>>
{
  protected constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S>,
    private readonly options: HandleOptions = {},
  ) {}

  execute(message: StreamCommand<C>): Promise<HandledCommand<E>> {
    return handleWithDecider(this.store, this.decider, message.id, message.command, message.metadata, this.options);
  }
}
