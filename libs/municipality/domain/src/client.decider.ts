// The client stream: one per BSN (its id is the keyed hash of the BSN), so a BSN
// registered twice lands on a stream that already exists and is refused.
import { assertNever, domainError, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import { parseBsn } from './bsn';
import type { ClientCommand, RegisterClient } from './client.commands';
import type { ClientEvent, ClientProfile } from './client.events';
import { yearInAmsterdam } from './dates';

export type ClientState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly clientKey: string;
      readonly municipalityId: string;
      readonly sealedBsn: string;
      readonly sealedName?: string;
      readonly profile: ClientProfile;
    };

/** Oldest and youngest ages the Participatiewet, Wajong and WIA trajectories concern. */
const MIN_AGE = 15;
const MAX_AGE = 100;

export function validateProfile(profile: ClientProfile, now: string, prefix = ''): DomainError | undefined {
  const age = yearInAmsterdam(now) - profile.birthYear;
  if (age < MIN_AGE || age > MAX_AGE) {
    return domainError('invalid', 'birth-year-out-of-range', `The birth year must give an age between ${MIN_AGE} and ${MAX_AGE}.`, `${prefix}/birthYear`);
  }
  if (profile.benefitType === 'none' && profile.benefitMonthlyAmountCents !== 0) {
    return domainError('invalid', 'amount-without-benefit', 'Without a benefit the monthly amount must be 0.', `${prefix}/benefitMonthlyAmountCents`);
  }
  return undefined;
}

function register(command: RegisterClient, state: ClientState, metadata: CommandMetadata): ClientEvent[] | DomainError {
  if (metadata.actor.organisationType !== 'municipality') {
    return domainError('forbidden', 'not-a-municipality', 'Only a municipality registers clients.');
  }
  if (parseBsn(command.data.bsn) === undefined) {
    // The message never repeats the number: error responses end up in logs.
    return domainError('invalid', 'bsn-invalid', 'This is not a valid BSN: it must be nine digits that pass the elfproef.', '/bsn');
  }
  if (state.status === 'registered') {
    return domainError('conflict', 'client-already-registered', 'A client with this BSN is already registered.', '/bsn');
  }
  const invalid = validateProfile(command.data.profile, metadata.now);
  if (invalid) return invalid;
  const { clientKey, sealedBsn, sealedName, profile } = command.data;
  return [
    {
      type: 'ClientRegistered',
      data: {
        clientKey,
        municipalityId: metadata.actor.organisationId,
        sealedBsn,
        ...(sealedName === undefined ? {} : { sealedName }),
        profile,
      },
    },
  ];
}

export const clientDecider: Decider<ClientCommand, ClientEvent, ClientState> = {
  streamType: 'client',
  initialState: () => ({ status: 'unregistered' }),
  decide(command, state, metadata) {
    switch (command.type) {
      case 'RegisterClient':
        return register(command, state, metadata);
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'ClientRegistered':
        return {
          status: 'registered',
          clientKey: event.data.clientKey,
          municipalityId: event.data.municipalityId,
          sealedBsn: event.data.sealedBsn,
          ...(event.data.sealedName === undefined ? {} : { sealedName: event.data.sealedName }),
          profile: event.data.profile,
        };
      default:
        return assertNever(event.type);
    }
  },
};
