// One client. The BSN is opened only for client managers of the client's own
// municipality, and even then shown masked; the name likewise only to them.
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, loadState, ProblemException, type AuthenticatedUser } from '@wcc/nest-kit';
import { ageBandOf, clientDecider, parseBsn, type AgeBand, type ClientProfile } from '@wcc/municipality-domain';
import { BSN_VAULT, maskBsn, type BsnVault } from '../privacy/bsn-vault';
import { CaseListProjection, type CaseListItem } from './case-list.projection';

export interface ClientView {
  readonly clientKey: string;
  readonly municipalityId: string;
  readonly profile: ClientProfile;
  readonly ageBand: AgeBand;
  /** Client managers only: all but the last three digits masked. */
  readonly bsnMasked?: string;
  /** Client managers only. */
  readonly name?: string;
  readonly cases: readonly CaseListItem[];
}

@Injectable()
export class ClientQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BSN_VAULT) private readonly vault: BsnVault,
    private readonly cases: CaseListProjection,
  ) {}

  async clientFor(user: AuthenticatedUser, clientKey: string, now: Date): Promise<ClientView> {
    const { state } = await loadState(this.store, clientDecider, clientKey);
    if (state.status !== 'registered') throw ProblemException.notFound('There is no registered client with this client key.');
    if (state.municipalityId !== user.organisationId) throw ProblemException.forbidden('This client is registered in another municipality.');
    const clientManager = user.organisationType === 'municipality' && user.roles.includes('client-manager');
    const identity = clientManager
      ? {
          bsnMasked: maskBsn(this.vault.open(state.sealedBsn, clientKey)),
          ...(state.sealedName === undefined ? {} : { name: this.vault.open(state.sealedName, clientKey) }),
        }
      : {};
    return {
      clientKey,
      municipalityId: state.municipalityId,
      profile: state.profile,
      ageBand: ageBandOf(state.profile.birthYear, now),
      ...identity,
      cases: await this.cases.casesOf(user.organisationId, { clientKey }, now),
    };
  }

  /** Finds a client of the caller's municipality by BSN (sent in a body, never in a URL that ends up in logs). */
  async lookup(user: AuthenticatedUser, candidate: string): Promise<{ clientKey: string }> {
    const bsn = parseBsn(candidate);
    if (!bsn) throw ProblemException.validation([{ field: '/bsn', reason: 'not a valid BSN: nine digits passing the elfproef' }]);
    const clientKey = this.vault.clientKeyOf(bsn);
    const { state } = await loadState(this.store, clientDecider, clientKey);
    // A client of another municipality is not found here: the lookup must not reveal where a BSN is registered.
    if (state.status !== 'registered' || state.municipalityId !== user.organisationId) throw ProblemException.notFound('No client with this BSN is registered in your municipality.');
    return { clientKey };
  }
}
