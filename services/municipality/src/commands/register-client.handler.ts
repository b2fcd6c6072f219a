// RegisterClient: the BSN is hashed into the client key and sealed here, so the
// decider (which checks the elfproef) never puts it in an event in clear text. What a
// retry is compared with holds pseudonyms only (the client key, a keyed hash of the
// name), so the stored request fingerprint cannot be brute-forced back to a BSN.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Command, CommandMetadata } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, handleWithDecider, type HandledCommand } from '@wcc/nest-kit';
import { clientDecider, parseBsn, type ClientCommand, type ClientEvent, type ClientProfile } from '@wcc/municipality-domain';
import { BSN_VAULT, type BsnVault } from '../privacy/bsn-vault';

export class RegisterClientRequest {
  constructor(
    readonly input: { readonly bsn: string; readonly name?: string; readonly profile: ClientProfile },
    readonly metadata: CommandMetadata,
  ) {}
}

type PseudonymousRegistration = Command<'RegisterClient', { readonly clientKey: string; readonly nameKey?: string; readonly profile: ClientProfile }>;

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
    const nameKey = input.name === undefined ? {} : { nameKey: this.vault.pseudonymOf(input.name, 'name') };
    const request: PseudonymousRegistration = { type: 'RegisterClient', data: { clientKey, ...nameKey, profile: input.profile } };
    const handled = await handleWithDecider(this.store, clientDecider, clientKey, request, metadata, {
      prepare: (): ClientCommand => {
        const sealedBsn = bsn ? this.vault.seal(bsn, clientKey) : '';
        const sealedName = input.name === undefined || !bsn ? {} : { sealedName: this.vault.seal(input.name, clientKey) };
        return { type: 'RegisterClient', data: { clientKey, bsn: input.bsn, sealedBsn, ...sealedName, profile: input.profile } };
      },
    });
    return { clientKey, ...handled };
  }
}
