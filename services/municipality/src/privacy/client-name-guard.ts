// The client's own name in free text that leaves the municipality. Only the municipality
// knows it (sealed on the client stream, see bsn-vault.ts), so no other organisation can
// refuse it at its edge: a referral reason naming the client would tell every receiver
// whom the pseudonymous client key stands for. The name is opened here, compared with the
// text and dropped; it goes into no command, event, answer or log.
import { Inject, Injectable } from '@nestjs/common';
import { assertNever, type CommandMetadata } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { careWordsIn, freeTextIssuesOf, knownNamesIn } from '@wcc/contracts';
import { EVENT_STORE, loadState, ProblemException, type FieldIssue } from '@wcc/nest-kit';
import { caseDecider, clientDecider, type CaseCommand } from '@wcc/municipality-domain';
import { BSN_VAULT, type BsnVault } from './bsn-vault';

export interface OutboundText {
  /** The body field it came in (JSON Pointer), declared `outboundText` in the request schema. */
  readonly field: string;
  readonly text: string;
  /** It reaches the employer network, which may not learn that the client is in care: no care words either (careWordsIn). */
  readonly toEmployerNetwork: boolean;
}

/**
 * The free text of a case command that the mapping publishes (municipality.mapping.ts).
 * A new command is a compile error here until someone decides whether its words leave.
 */
export function outboundTextOf(command: CaseCommand): OutboundText[] {
  switch (command.type) {
    case 'ReferClient':
      // ClientReferred carries the reason to the care provider, or ClientReferredForMatching to the employer network.
      return [{ field: '/reason', text: command.data.reason, toEmployerNetwork: command.data.toOrganisationType === 'employer-network' }];
    case 'OpenCase':
    case 'AssignRegie':
    case 'TransferRegie': // RegieTransferred carries who to whom, not the reason
    case 'GrantConsent':
    case 'WithdrawConsent':
    case 'RecordParticipation':
    case 'AdjustBenefit': // the reason stays here
    case 'EndBenefit': // reasonText stays here
    case 'ReapplyBenefit':
    case 'RecordDropout': // reasonText stays here
    case 'CloseCase': // the note stays here
      return [];
    case 'RecordReferralAccepted':
    case 'RecordReferralDeclined':
    case 'RecordScreeningAdvice':
    case 'RecordPlacementStarted':
    case 'RecordPlacementEnded':
      // A partner's own words, recorded from its event; never published again.
      return [];
    default:
      return assertNever(command);
  }
}

@Injectable()
export class ClientNameGuard {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BSN_VAULT) private readonly vault: BsnVault,
  ) {}

  /**
   * Refuses (400 naming the field, never the word) a command whose text for the employer
   * network names GGZ care: the occurrence-level rules keep care events off its topics, and
   * this keeps a professional's sentence from saying it anyway.
   */
  refuseCareWordsForTheEmployerNetwork(command: CaseCommand): void {
    const issues: FieldIssue[] = outboundTextOf(command)
      .filter((t) => t.toEmployerNetwork)
      .flatMap(({ field, text }) => freeTextIssuesOf(careWordsIn(text)).map(({ reason, reasonNl }) => ({ field, reason, reasonNl })));
    if (issues.length > 0) throw ProblemException.validation(issues);
  }

  /** Refuses (400 naming the field, never the name) a command whose outbound text contains the first or last name of the case's client. */
  async refuseClientNameIn(caseId: string, command: CaseCommand, metadata: CommandMetadata): Promise<void> {
    const texts = outboundTextOf(command);
    if (texts.length === 0) return;
    const { state: found } = await loadState(this.store, caseDecider, caseId);
    // An unknown case or another municipality's is the decider's refusal; answering here would tell whose name it is.
    if (found.status === 'new' || found.municipalityId !== metadata.actor.organisationId) return;
    const { state: client } = await loadState(this.store, clientDecider, found.clientKey);
    if (client.status !== 'registered' || client.sealedName === undefined) return;
    const name = this.vault.open(client.sealedName, client.clientKey);
    const issues: FieldIssue[] = texts.flatMap(({ field, text }) => freeTextIssuesOf(knownNamesIn(text, [name])).map(({ reason, reasonNl }) => ({ field, reason, reasonNl })));
    if (issues.length > 0) throw ProblemException.validation(issues);
  }
}
