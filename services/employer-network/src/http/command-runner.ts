// Runs a command through the bus and waits until its events are in the read models,
// so the answer to a POST is already visible to the next GET.
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Command, DomainEvent } from '@wcc/domain-kit';
import type { HandledCommand, StreamCommand } from '@wcc/nest-kit';
import { ReadModels } from '../queries/read-models';

@Injectable()
export class CommandRunner {
  constructor(
    private readonly bus: CommandBus,
    private readonly readModels: ReadModels,
  ) {}

  async run<E extends DomainEvent = DomainEvent>(command: StreamCommand<Command>): Promise<HandledCommand<E>> {
    const result = await this.bus.execute<StreamCommand<Command>, HandledCommand<E>>(command);
    await this.readModels.caughtUpWith(result.streamId);
    return result;
  }
}

/** The first event of a type a command produced; every successful command produces one. */
export function eventOf<E extends DomainEvent, T extends E['type']>(result: HandledCommand<E>, type: T): Extract<E, { type: T }> {
  const event = result.events.find((e): e is Extract<E, { type: T }> => e.type === type);
  if (!event) throw new Error(`The command produced no ${type}`);
  return event;
}
