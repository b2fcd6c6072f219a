// One client's trajectory as the four organisations publish it, built from the
// contracts' own examples with the case's ids: used by the projection specs (as case
// entries) and by the case view's integration tests (as CloudEvents on the real broker,
// through the service's test kit).
import { randomUUID } from 'node:crypto';
import {
  careFundingGrantedV1,
  careFundingRequestedV1,
  caseOpenedV1,
  clientReferredV1,
  clientRegisteredV1,
  consentGrantedV1,
  consentWithdrawnV1,
  employerNetworkReferralAcceptedV1,
  matchingStatusChangedV1,
  participationMeasuredV1,
  placementStartedV1,
  referralAcceptedV1,
  regieAssignedV1,
  screeningAdviceSubmittedV1,
  screeningStartedV1,
  treatmentEpisodeStartedV1,
  type IntegrationEventDefinition,
} from '@wcc/contracts';
import { newEntry } from '../new-entry';
import type { CaseEntry } from '../case-entry';
import type { PartnerOrganisationType } from '../vocabulary';

export const organisations = {
  municipality: 'gemeente-rotterdam',
  careProvider: 'ggz-delfland',
  employerNetwork: 'wsp-rijnmond',
  insurer: 'zilveren-kruis',
} as const;

export interface ScenarioEvent {
  readonly id: string;
  readonly definition: IntegrationEventDefinition;
  readonly data: Record<string, unknown>;
}

export interface CaseScenario {
  readonly caseId: string;
  readonly clientKey: string;
  readonly consentId: string;
  readonly careReferralId: string;
  readonly matchingReferralId: string;
  readonly fundingRequestId: string;
  readonly placementId: string;
  readonly events: readonly ScenarioEvent[];
  /** The client withdraws the consent the scenario granted. */
  withdrawal(occurredAt?: string): ScenarioEvent;
}

/** The trajectory, in the order it happened. Reply deadlines are far in the past: the open one is overdue. */
export function caseScenario(options: { readonly caseId?: string; readonly clientKey?: string; readonly consentCategories?: readonly string[] } = {}): CaseScenario {
  const caseId = options.caseId ?? randomUUID();
  const clientKey = options.clientKey ?? `ck_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const consentId = randomUUID();
  const careReferralId = randomUUID();
  const matchingReferralId = randomUUID();
  const fundingRequestId = randomUUID();
  const placementId = randomUUID();
  const envelope = (occurredAt: string) => ({ caseId, clientKey, occurredAt });
  const event = (definition: IntegrationEventDefinition, occurredAt: string, data: Record<string, unknown>): ScenarioEvent => ({
    id: randomUUID(),
    definition,
    data: { ...(definition.example as Record<string, unknown>), ...envelope(occurredAt), ...data },
  });
  const consentScope = {
    consentId,
    purpose: 'chain-coordination',
    organisationTypes: ['municipality', 'care-provider', 'employer-network'],
    dataCategories: options.consentCategories ?? ['identifying', 'administrative', 'work'],
    // No named recipients: the case team of these types, as every consent read before recipients existed.
    recipients: undefined,
  };
  const events: ScenarioEvent[] = [
    event(clientRegisteredV1, '2025-03-03T09:00:00Z', { municipalityId: organisations.municipality }),
    event(caseOpenedV1, '2025-03-03T09:00:01Z', { municipalityId: organisations.municipality }),
    event(regieAssignedV1, '2025-03-03T09:05:00Z', { ownerUserId: 'regisseur-17', ownerOrganisationId: organisations.municipality }),
    event(consentGrantedV1, '2025-03-03T09:10:00Z', { ...consentScope, validFrom: '2025-03-03', validTo: undefined }),
    event(participationMeasuredV1, '2025-03-03T10:00:00Z', { moment: 'baseline', measuredOn: '2025-03-03', ladderRung: 2 }),
    event(clientReferredV1, '2025-03-03T11:00:00Z', {
      referralId: careReferralId,
      fromOrganisationId: organisations.municipality,
      toOrganisationId: organisations.careProvider,
      toOrganisationType: 'care-provider',
      route: 'ggz-screening',
      replyDeadline: '2025-03-17',
    }),
    event(referralAcceptedV1, '2025-03-05T11:00:00Z', { referralId: careReferralId, organisationId: organisations.careProvider }),
    event(screeningStartedV1, '2025-03-07T10:00:00Z', { referralId: careReferralId, organisationId: organisations.careProvider, startedOn: '2025-03-07' }),
    event(screeningAdviceSubmittedV1, '2025-03-14T15:45:00Z', { adviceId: randomUUID(), referralId: careReferralId, organisationId: organisations.careProvider }),
    event(treatmentEpisodeStartedV1, '2025-03-18T09:00:00Z', { referralId: careReferralId, organisationId: organisations.careProvider, episodeId: randomUUID() }),
    event(careFundingRequestedV1, '2025-03-20T09:30:00Z', { fundingRequestId, organisationId: organisations.careProvider, insurerId: organisations.insurer }),
    event(careFundingGrantedV1, '2025-03-21T10:00:00Z', { fundingRequestId, insurerId: organisations.insurer, instrument: 'ips-intake' }),
    event(clientReferredV1, '2025-03-24T09:00:00Z', {
      referralId: matchingReferralId,
      fromOrganisationId: organisations.municipality,
      toOrganisationId: organisations.employerNetwork,
      toOrganisationType: 'employer-network',
      route: 'matching',
      replyDeadline: '2025-04-07',
    }),
    event(employerNetworkReferralAcceptedV1, '2025-03-26T11:00:00Z', { referralId: matchingReferralId, organisationId: organisations.employerNetwork }),
    event(matchingStatusChangedV1, '2025-03-26T11:00:01Z', { referralId: matchingReferralId, organisationId: organisations.employerNetwork, status: 'matching' }),
    event(placementStartedV1, '2025-04-01T09:00:00Z', { placementId, organisationId: organisations.employerNetwork, sequence: 1, startDate: '2025-04-01' }),
    event(participationMeasuredV1, '2025-09-03T10:00:00Z', { moment: '6-months', measuredOn: '2025-09-03', ladderRung: 5 }),
  ].map((e) => ({ ...e, data: withoutUndefined(e.data) }));
  return {
    caseId,
    clientKey,
    consentId,
    careReferralId,
    matchingReferralId,
    fundingRequestId,
    placementId,
    events,
    withdrawal: (occurredAt = '2025-10-01T09:00:00Z') => ({ ...event(consentWithdrawnV1, occurredAt, consentScope), data: withoutUndefined({ ...envelope(occurredAt), ...consentScope }) }),
  };
}

function withoutUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** As the projection sees it after the edge: a case entry. */
export function entryOf(event: ScenarioEvent, sequence: string | null = null): CaseEntry {
  const checked = event.definition.validate(event.data);
  if (!checked.ok) throw new Error(`scenario event ${event.definition.name} does not fit its contract: ${JSON.stringify(checked.issues)}`);
  return newEntry({
    eventId: event.id,
    type: event.definition.type,
    producer: event.definition.producer as PartnerOrganisationType,
    name: event.definition.name,
    sequence,
    time: null,
    data: event.data,
    fieldCategories: event.definition.categories,
  });
}
