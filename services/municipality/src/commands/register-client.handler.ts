// RegisterClient: the BSN is hashed into the client key and sealed here, so the
// decider (which checks the elfproef) never puts it in an event in clear text.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, type HandledCommand } from '@wcc/nest-kit';
import { clientDecider, parseBsn, type ClientEvent, type ClientProfile } from '@wcc/municipality-domain';
import { BSN_VAULT, type BsnVault } from '../privacy/bsn-vault';
import { handleIdempotently } from './idempotent';

export class RegisterClientRequest {
  constructor(
    readonly input: { readonly bsn: string; readonly name?: string; readonly profile: ClientProfile },
    readonly metadata: CommandMetadata,
  ) {}
}

@CommandHandler(RegisterClientRequest)
export class RegisterClientHandler implements ICommandHandler<RegisterClientRequest, HandledCommand<ClientEvent> & { clientKey: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BSN_VAULT) private readonly vault: BsnVault,
  ) {}

  async execute({ input, metadata }: RegisterClientRequest): Promise<HandledCommand<ClientEvent> & { clientKey: string }> {
    const bsn = parseBsn(input.bsn);
    // An invalid BSN is refused by the decider (the elfproef is a domain rule); nothing is sealed for it.
    const clientKey = bsn ? this.vault.clientKeyOf(bsn) : 'ck_no-valid-bsn';
    const sealedBsn = bsn ? this.vault.seal(bsn, clientKey) : '';
    const sealedName = input.name === undefined || !bsn ? {} : { sealedName: this.vault.seal(input.name, clientKey) };
    const command = { type: 'RegisterClient' as const, data: { clientKey, bsn: input.bsn, sealedBsn, ...sealedName, profile: input.profile } };
    return { clientKey, ...(await handleIdempotently(this.store, clientDecider, clientKey, command, metadata)) };
  }
}
