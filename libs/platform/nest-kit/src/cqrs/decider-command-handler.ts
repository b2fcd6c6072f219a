// The @nestjs/cqrs face of handleWithDecider, the same in every service: one message
// class per stream type (`StreamCommand<TheDecidersCommand>`), one handler per message
// class that names its decider and, where the decider needs more than the request,
// reads it in `prepare`. Idempotency-Key replay, decide, append and retry are the base
// class's; a handler adds nothing else.
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

/**
 * The handler of one stream type. R is what the caller sends (the decider's command by
 * default); a handler whose decider needs more overrides `prepare` to read it.
 */
export abstract class DeciderCommandHandler<C extends Command, E extends DomainEvent, S, R extends Command = C> implements ICommandHandler<StreamCommand<R>, HandledCommand<E>> {
  protected constructor(
    protected readonly store: EventStore,
    private readonly decider: Decider<C, E, S>,
    private readonly options: Omit<HandleOptions<C, R>, 'prepare' | 'transaction'> = {},
  ) {}

  /** What the decider needs beyond the request (another stream's state, read now); the request itself by default (R = C). */
  protected prepare(request: R, _message: StreamCommand<R>): Promise<C> | C {
    return request as Command as C;
  }

  execute(message: StreamCommand<R>): Promise<HandledCommand<E>> {
    return handleWithDecider(this.store, this.decider, message.id, message.command, message.metadata, {
      ...this.options,
      prepare: (request: R) => this.prepare(request, message),
    });
  }
}
