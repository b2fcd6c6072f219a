// The case (trajectory) stream: regie, consent, referrals and the partners' answers,
// participation measurements, the benefit, dropout and closure. The state is the
// case file itself, so the service shows a case by folding its stream.
import { assertNever, domainError, isDomainError, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { BenefitEndReason, BenefitType, CaseClosureReason, ConsentOrganisationType, DropoutReason, MeasurementMoment, ReferralTarget, TrajectoryPhase } from './code-lists';
import type {
  AdjustBenefit,
  AssignRegie,
  CaseCommand,
  CloseCase,
  EndBenefit,
  GrantConsent,
  OpenCase,
  ReapplyBenefit,
  RecordDropout,
  RecordParticipation,
  RecordPlacementEnded,
  RecordPlacementStarted,
  RecordReferralAccepted,
  RecordReferralDeclined,
  RecordScreeningAdvice,
  ReferClient,
  TransferRegie,
  WithdrawConsent,
} from './case.commands';
import type { CaseEvent, ClientReferred, ConsentGranted, ParticipationMeasured, PlacementTerms, RegieOwner, ScreeningAdviceReceived } from './case.events';
import type { ClientProfile } from './client.events';
import { validateProfile } from './client.decider';
import { dateInAmsterdam, isBefore } from './dates';

export interface RegieChange {
  readonly at: string;
  readonly from?: RegieOwner;
  readonly to: RegieOwner;
  readonly reason?: string;
}

export type ConsentRecord = Omit<ConsentGranted['data'], 'caseId' | 'clientKey' | 'at'> & { readonly grantedAt: string; readonly withdrawnAt?: string };

export type ReferralStatus = 'pending' | 'accepted' | 'declined';

export type ReferralRecord = Omit<ClientReferred['data'], 'caseId' | 'clientKey' | 'at'> & {
  readonly referredAt: string;
  readonly status: ReferralStatus;
  readonly answeredAt?: string;
  readonly plannedStart?: string;
  readonly declineReasonCode?: string;
  readonly declineReason?: string;
};

export type AdviceRecord = Omit<ScreeningAdviceReceived['data'], 'caseId' | 'clientKey' | 'at'> & { readonly receivedAt: string };
export type MeasurementRecord = Omit<ParticipationMeasured['data'], 'caseId' | 'clientKey' | 'at'> & { readonly recordedAt: string };

export type BenefitStatus = 'active' | 'ended' | 'none';
export interface BenefitRecord {
  readonly status: BenefitStatus;
  readonly benefitType: BenefitType;
  readonly monthlyAmountCents: number;
  /** The date the current situation started (effective, ended or reapplied on). */
  readonly since?: string;
  readonly endReasonCode?: BenefitEndReason;
  readonly history: readonly {
    readonly change: 'adjusted' | 'ended' | 'reapplied';
    readonly at: string;
    readonly on: string;
    readonly benefitType: BenefitType;
    readonly monthlyAmountCents: number;
    readonly reasonCode?: BenefitEndReason;
    readonly reason?: string;
  }[];
}

export type PlacementRecord = PlacementTerms & { readonly endDate?: string; readonly endReason?: string; readonly endReasonText?: string };

export interface CaseFile {
  readonly caseId: string;
  readonly clientKey: string;
  readonly municipalityId: string;
  readonly openedAt: string;
  readonly profile: ClientProfile;
  readonly regie: { readonly owner?: RegieOwner & { readonly since: string }; readonly history: readonly RegieChange[] };
  readonly consents: readonly ConsentRecord[];
  readonly referrals: readonly ReferralRecord[];
  readonly advice: readonly AdviceRecord[];
  readonly measurements: readonly MeasurementRecord[];
  readonly benefit: BenefitRecord;
  readonly dropout?: { readonly at: string; readonly phase: TrajectoryPhase; readonly reasonCode: DropoutReason; readonly reasonText?: string; readonly droppedOutOn: string };
  readonly closure?: { readonly at: string; readonly reasonCode: CaseClosureReason; readonly note?: string };
  readonly placements: readonly PlacementRecord[];
}

export type CaseState = { readonly status: 'new' } | (CaseFile & { readonly status: 'open' | 'dropped-out' | 'closed' });
type ExistingCase = Exclude<CaseState, { status: 'new' }>;

type Decision = CaseEvent[] | DomainError;

// ---------------------------------------------------------------------------------
// Guards shared by the commands

/** Municipal commands: only users of the case's own municipality. */
function ownMunicipality(state: ExistingCase, metadata: CommandMetadata): DomainError | undefined {
  const { actor } = metadata;
  if (actor.organisationType !== 'municipality' || actor.organisationId !== state.municipalityId) {
    return domainError('forbidden', 'other-municipality', 'Only users of the municipality that holds this case may act on it.');
  }
  return undefined;
}

function notClosed(state: ExistingCase): DomainError | undefined {
  return state.status === 'closed' ? domainError('conflict', 'case-closed', 'The case is closed.') : undefined;
}

function stillInTrajectory(state: ExistingCase): DomainError | undefined {
  return notClosed(state) ?? (state.status === 'dropped-out' ? domainError('conflict', 'case-dropped-out', 'The client has dropped out of this trajectory.') : undefined);
}

function base(state: ExistingCase, metadata: CommandMetadata) {
  return { caseId: state.caseId, clientKey: state.clientKey, at: metadata.now };
}

function notInFuture(date: string, metadata: CommandMetadata, field: string): DomainError | undefined {
  return isBefore(dateInAmsterdam(metadata.now), date) ? domainError('invalid', 'date-in-future', `${field.slice(1)} must not be after today.`, field) : undefined;
}

function otherNeedsText(code: string, text: string | undefined): DomainError | undefined {
  return code === 'other' && (text === undefined || text.trim() === '')
    ? domainError('invalid', 'reason-text-required', "A reason text is required when the reason is 'other'.", '/reasonText')
    : undefined;
}

/**
 * Does a consent name this organisation as a recipient? A consent that names recipients
 * covers exactly those; one without names covers the organisations of its types that
 * take part in the case (the case team) — a referral makes its receiver part of it.
 */
export function consentNames(consent: Pick<ConsentRecord, 'organisationTypes' | 'recipients'>, organisationId: string, organisationType: ConsentOrganisationType): boolean {
  if (!consent.organisationTypes.includes(organisationType)) return false;
  return consent.recipients === undefined || consent.recipients.some((r) => r.organisationId === organisationId && r.organisationType === organisationType);
}

/** A consent that, today, lets the municipality share this case with the receiving organisation. */
export function activeConsentFor(state: CaseFile, target: ReferralTarget, organisationId: string, now: string): ConsentRecord | undefined {
  const today = dateInAmsterdam(now);
  return state.consents.find(
    (c) =>
      c.withdrawnAt === undefined &&
      !isBefore(today, c.validFrom) &&
      (c.validTo === undefined || !isBefore(c.validTo, today)) &&
      consentNames(c, organisationId, target) &&
      (c.purpose === 'chain-coordination' || (c.purpose === 'care' && target === 'care-provider')),
  );
}

// ---------------------------------------------------------------------------------
// Municipal commands

function openCase(command: OpenCase, state: CaseState, metadata: CommandMetadata): Decision {
  if (state.status !== 'new') return domainError('conflict', 'case-exists', 'A case with this id already exists.');
  const { actor } = metadata;
  if (actor.organisationType !== 'municipality' || actor.organisationId !== command.data.clientMunicipalityId) {
    return domainError('forbidden', 'other-municipality', 'A case can only be opened by the municipality where the client is registered.');
  }
  const invalid = validateProfile(command.data.profile, metadata.now, '/profile');
  if (invalid) return invalid;
  return [
    {
      type: 'CaseOpened',
      data: { caseId: command.data.caseId, clientKey: command.data.clientKey, at: metadata.now, municipalityId: command.data.clientMunicipalityId, profile: command.data.profile },
    },
  ];
}

function assignRegie(command: AssignRegie, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state);
  if (refused) return refused;
  if (state.regie.owner) {
    return domainError('conflict', 'regie-already-assigned', `The case already has an accountable owner (${state.regie.owner.userId}); transfer regie instead.`);
  }
  return [{ type: 'RegieAssigned', data: { ...base(state, metadata), owner: { userId: command.data.userId, organisationId: state.municipalityId } } }];
}

function transferRegie(command: TransferRegie, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state);
  if (refused) return refused;
  const owner = state.regie.owner;
  if (!owner) return domainError('conflict', 'regie-not-assigned', 'The case has no accountable owner yet; assign regie first.');
  if (owner.userId === command.data.toUserId) return domainError('conflict', 'regie-same-owner', 'This user already holds regie.', '/toUserId');
  return [
    {
      type: 'RegieTransferred',
      data: {
        ...base(state, metadata),
        from: { userId: owner.userId, organisationId: owner.organisationId },
        to: { userId: command.data.toUserId, organisationId: state.municipalityId },
        reason: command.data.reason,
      },
    },
  ];
}

function grantConsent(command: GrantConsent, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state);
  if (refused) return refused;
  const { validFrom, validTo } = command.data;
  if (validTo !== undefined && isBefore(validTo, validFrom)) {
    return domainError('invalid', 'consent-period-reversed', 'validTo must be on or after validFrom.', '/validTo');
  }
  if (validTo !== undefined && isBefore(validTo, dateInAmsterdam(metadata.now))) {
    return domainError('invalid', 'consent-already-expired', 'validTo must not be in the past.', '/validTo');
  }
  const outsideTypes = (command.data.recipients ?? []).findIndex((r) => !command.data.organisationTypes.includes(r.organisationType));
  if (outsideTypes !== -1) {
    return domainError('invalid', 'recipient-outside-organisation-types', "Every named recipient must be of one of the consent's organisation types.", `/recipients/${outsideTypes}/organisationType`);
  }
  if (command.data.disclosesIpsParticipation === true) {
    const recipients = command.data.recipients ?? [];
    if (recipients.length === 0 || recipients.some((r) => r.organisationType !== 'employer-network')) {
      return domainError(
        'invalid',
        'ips-disclosure-needs-named-employer-networks',
        'Telling that the client takes part in IPS is for named employer networks only: list them as recipients, and no one else.',
        '/disclosesIpsParticipation',
      );
    }
  }
  const ids = (command.data.recipients ?? []).map((r) => r.organisationId);
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated !== -1) return domainError('invalid', 'recipient-repeated', 'Each recipient organisation may be named once.', `/recipients/${repeated}/organisationId`);
  if (state.consents.some((c) => c.consentId === command.data.consentId)) {
    return domainError('conflict', 'consent-exists', 'A consent with this id is already registered.');
  }
  return [{ type: 'ConsentGranted', data: { ...base(state, metadata), ...command.data } }];
}

/** Withdrawal is the client's right and stays possible on a closed case. */
function withdrawConsent(command: WithdrawConsent, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata);
  if (refused) return refused;
  const consent = state.consents.find((c) => c.consentId === command.data.consentId);
  if (!consent) return domainError('not-found', 'consent-not-found', 'This case has no consent with this id.');
  if (consent.withdrawnAt !== undefined) return domainError('conflict', 'consent-already-withdrawn', 'This consent was already withdrawn.');
  const { consentId, purpose, organisationTypes, dataCategories, recipients, disclosesIpsParticipation } = consent;
  return [
    {
      type: 'ConsentWithdrawn',
      data: {
        ...base(state, metadata),
        consentId,
        purpose,
        organisationTypes,
        dataCategories,
        ...(recipients === undefined ? {} : { recipients }),
        ...(disclosesIpsParticipation === undefined ? {} : { disclosesIpsParticipation }),
      },
    },
  ];
}

function referClient(command: ReferClient, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? stillInTrajectory(state);
  if (refused) return refused;
  const { toOrganisationType, route, replyDeadline, toOrganisationId } = command.data;
  // An employer may not learn how someone came into care: the route says it.
  if (toOrganisationType === 'employer-network' && route !== 'matching') {
    return domainError('invalid', 'route-not-for-employer-network', "A referral to the employer network has route 'matching'.", '/route');
  }
  if (toOrganisationType === 'care-provider' && route === 'matching') {
    return domainError('invalid', 'route-not-for-care-provider', "Route 'matching' is for the employer network.", '/route');
  }
  if (isBefore(replyDeadline, dateInAmsterdam(metadata.now))) {
    return domainError('invalid', 'reply-deadline-in-past', 'replyDeadline must not be before today.', '/replyDeadline');
  }
  if (!activeConsentFor(state, toOrganisationType, toOrganisationId, metadata.now)) {
    return domainError(
      'conflict',
      'consent-required',
      `The client has no valid consent to share this case with ${toOrganisationId} (${toOrganisationType}) for chain coordination${toOrganisationType === 'care-provider' ? ' or care' : ''}.`,
    );
  }
  if (state.referrals.some((r) => r.referralId === command.data.referralId)) {
    return domainError('conflict', 'referral-exists', 'A referral with this id already exists.');
  }
  if (state.referrals.some((r) => r.toOrganisationId === toOrganisationId && r.status === 'pending')) {
    return domainError('conflict', 'referral-pending', 'A referral to this organisation is still waiting for an answer.', '/toOrganisationId');
  }
  return [{ type: 'ClientReferred', data: { ...base(state, metadata), ...command.data, fromOrganisationId: state.municipalityId } }];
}

function recordParticipation(command: RecordParticipation, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? stillInTrajectory(state);
  if (refused) return refused;
  const future = notInFuture(command.data.measuredOn, metadata, '/measuredOn');
  if (future) return future;
  const recorded = (moment: MeasurementMoment) => state.measurements.some((m) => m.moment === moment);
  if (recorded(command.data.moment)) {
    return domainError('conflict', 'measurement-already-recorded', `The ${command.data.moment} measurement is already recorded.`, '/moment');
  }
  if (command.data.moment !== 'baseline' && !recorded('baseline')) {
    return domainError('conflict', 'baseline-missing', 'Record the baseline measurement first.', '/moment');
  }
  return [{ type: 'ParticipationMeasured', data: { ...base(state, metadata), ...command.data } }];
}

function adjustBenefit(command: AdjustBenefit, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state);
  if (refused) return refused;
  if (state.benefit.status !== 'active') return domainError('conflict', 'benefit-not-active', 'The client has no running benefit to adjust.');
  if (command.data.benefitType === 'none') return domainError('invalid', 'adjust-to-none', 'To stop a benefit, end it with a reason.', '/benefitType');
  if (command.data.benefitType === state.benefit.benefitType && command.data.monthlyAmountCents === state.benefit.monthlyAmountCents) {
    return domainError('conflict', 'benefit-unchanged', 'The benefit already has this type and amount.');
  }
  return [{ type: 'BenefitAdjusted', data: { ...base(state, metadata), ...command.data } }];
}

function endBenefit(command: EndBenefit, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state) ?? otherNeedsText(command.data.reasonCode, command.data.reasonText);
  if (refused) return refused;
  if (state.benefit.status !== 'active') return domainError('conflict', 'benefit-not-active', 'The client has no running benefit to end.');
  return [{ type: 'BenefitEnded', data: { ...base(state, metadata), ...command.data } }];
}

function reapplyBenefit(command: ReapplyBenefit, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state);
  if (refused) return refused;
  if (command.data.benefitType === 'none') return domainError('invalid', 'reapply-for-none', 'Name the benefit the client re-applied for.', '/benefitType');
  if (state.benefit.status === 'active') return domainError('conflict', 'benefit-active', 'The client still receives a benefit; adjust it instead.');
  return [{ type: 'BenefitReapplied', data: { ...base(state, metadata), ...command.data } }];
}

function recordDropout(command: RecordDropout, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused =
    ownMunicipality(state, metadata) ??
    stillInTrajectory(state) ??
    otherNeedsText(command.data.reasonCode, command.data.reasonText) ??
    notInFuture(command.data.droppedOutOn, metadata, '/droppedOutOn');
  if (refused) return refused;
  return [{ type: 'DroppedOut', data: { ...base(state, metadata), ...command.data } }];
}

function closeCase(command: CloseCase, state: ExistingCase, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state, metadata) ?? notClosed(state);
  if (refused) return refused;
  return [{ type: 'CaseClosed', data: { ...base(state, metadata), ...command.data } }];
}

// ---------------------------------------------------------------------------------
// Partners' answers, recorded from their integration events. The actor is the
// partner organisation; it may only answer what was sent to it.

function referralSentTo(state: ExistingCase, referralId: string, metadata: CommandMetadata): ReferralRecord | DomainError {
  const referral = state.referrals.find((r) => r.referralId === referralId);
  if (!referral) return domainError('not-found', 'referral-not-found', 'This case has no referral with this id.', '/referralId');
  if (referral.toOrganisationId !== metadata.actor.organisationId || referral.toOrganisationType !== metadata.actor.organisationType) {
    return domainError('forbidden', 'referral-of-other-organisation', 'This referral was sent to another organisation.');
  }
  return referral;
}

function recordAccepted(command: RecordReferralAccepted, state: ExistingCase, metadata: CommandMetadata): Decision {
  const referral = referralSentTo(state, command.data.referralId, metadata);
  if (isDomainError(referral)) return referral;
  if (referral.status !== 'pending') return domainError('conflict', 'referral-already-answered', `The referral was already ${referral.status}.`);
  return [{ type: 'ReferralAccepted', data: { ...base(state, metadata), ...command.data, organisationId: metadata.actor.organisationId } }];
}

function recordDeclined(command: RecordReferralDeclined, state: ExistingCase, metadata: CommandMetadata): Decision {
  const referral = referralSentTo(state, command.data.referralId, metadata);
  if (isDomainError(referral)) return referral;
  if (referral.status !== 'pending') return domainError('conflict', 'referral-already-answered', `The referral was already ${referral.status}.`);
  return [{ type: 'ReferralDeclined', data: { ...base(state, metadata), ...command.data, organisationId: metadata.actor.organisationId } }];
}

function recordAdvice(command: RecordScreeningAdvice, state: ExistingCase, metadata: CommandMetadata): Decision {
  const referral = referralSentTo(state, command.data.referralId, metadata);
  if (isDomainError(referral)) return referral;
  if (referral.status === 'declined') return domainError('conflict', 'referral-declined', 'Advice cannot follow a declined referral.');
  if (state.advice.some((a) => a.adviceId === command.data.adviceId)) return domainError('conflict', 'advice-exists', 'This advice is already recorded.');
  return [{ type: 'ScreeningAdviceReceived', data: { ...base(state, metadata), ...command.data, organisationId: metadata.actor.organisationId } }];
}

function recordPlacementStarted(command: RecordPlacementStarted, state: ExistingCase, metadata: CommandMetadata): Decision {
  const { actor } = metadata;
  const referred = state.referrals.some((r) => r.toOrganisationId === actor.organisationId && r.toOrganisationType === 'employer-network' && r.status !== 'declined');
  if (actor.organisationType !== 'employer-network' || !referred) {
    return domainError('forbidden', 'placement-without-referral', 'Only an employer network this case was referred to can report a placement.');
  }
  if (state.placements.some((p) => p.placementId === command.data.placementId)) {
    return domainError('conflict', 'placement-exists', 'This placement is already recorded.');
  }
  return [{ type: 'PlacementStarted', data: { ...base(state, metadata), ...command.data, organisationId: actor.organisationId } }];
}

function recordPlacementEnded(command: RecordPlacementEnded, state: ExistingCase, metadata: CommandMetadata): Decision {
  const placement = state.placements.find((p) => p.placementId === command.data.placementId);
  if (!placement) return domainError('not-found', 'placement-not-found', 'This case has no placement with this id.', '/placementId');
  if (placement.organisationId !== metadata.actor.organisationId) {
    return domainError('forbidden', 'placement-of-other-organisation', 'This placement was reported by another organisation.');
  }
  if (placement.endDate !== undefined) return domainError('conflict', 'placement-already-ended', 'This placement has already ended.');
  return [{ type: 'PlacementEnded', data: { ...base(state, metadata), ...command.data, organisationId: metadata.actor.organisationId } }];
}

function decide(command: CaseCommand, state: CaseState, metadata: CommandMetadata): Decision {
  if (command.type === 'OpenCase') return openCase(command, state, metadata);
  if (state.status === 'new') return domainError('not-found', 'case-not-found', 'There is no case with this id.');
  switch (command.type) {
    case 'AssignRegie':
      return assignRegie(command, state, metadata);
    case 'TransferRegie':
      return transferRegie(command, state, metadata);
    case 'GrantConsent':
      return grantConsent(command, state, metadata);
    case 'WithdrawConsent':
      return withdrawConsent(command, state, metadata);
    case 'ReferClient':
      return referClient(command, state, metadata);
    case 'RecordReferralAccepted':
      return recordAccepted(command, state, metadata);
    case 'RecordReferralDeclined':
      return recordDeclined(command, state, metadata);
    case 'RecordScreeningAdvice':
      return recordAdvice(command, state, metadata);
    case 'RecordParticipation':
      return recordParticipation(command, state, metadata);
    case 'AdjustBenefit':
      return adjustBenefit(command, state, metadata);
    case 'EndBenefit':
      return endBenefit(command, state, metadata);
    case 'ReapplyBenefit':
      return reapplyBenefit(command, state, metadata);
    case 'RecordDropout':
      return recordDropout(command, state, metadata);
    case 'CloseCase':
      return closeCase(command, state, metadata);
    case 'RecordPlacementStarted':
      return recordPlacementStarted(command, state, metadata);
    case 'RecordPlacementEnded':
      return recordPlacementEnded(command, state, metadata);
    default:
      return assertNever(command);
  }
}

// ---------------------------------------------------------------------------------
// evolve: the case file after each event

function updateReferral(state: ExistingCase, referralId: string, update: (r: ReferralRecord) => ReferralRecord): ExistingCase {
  return { ...state, referrals: state.referrals.map((r) => (r.referralId === referralId ? update(r) : r)) };
}

function strip<D extends { caseId: string; clientKey: string; at: string }>(data: D): Omit<D, 'caseId' | 'clientKey' | 'at'> {
  const { caseId: _caseId, clientKey: _clientKey, at: _at, ...rest } = data;
  return rest;
}

function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const { profile } = event.data;
    return {
      status: 'open',
      caseId: event.data.caseId,
      clientKey: event.data.clientKey,
      municipalityId: event.data.municipalityId,
      openedAt: event.data.at,
      profile,
      regie: { history: [] },
      consents: [],
      referrals: [],
      advice: [],
      measurements: [],
      benefit: {
        status: profile.benefitType === 'none' ? 'none' : 'active',
        benefitType: profile.benefitType,
        monthlyAmountCents: profile.benefitMonthlyAmountCents,
        history: [],
      },
      placements: [],
    };
  }
  if (state.status === 'new') return state;
  switch (event.type) {
    case 'RegieAssigned':
      return { ...state, regie: { owner: { ...event.data.owner, since: event.data.at }, history: [...state.regie.history, { at: event.data.at, to: event.data.owner }] } };
    case 'RegieTransferred': {
      const { from, to, reason, at } = event.data;
      return { ...state, regie: { owner: { ...to, since: at }, history: [...state.regie.history, { at, from, to, reason }] } };
    }
    case 'ConsentGranted':
      return { ...state, consents: [...state.consents, { ...strip(event.data), grantedAt: event.data.at }] };
    case 'ConsentWithdrawn':
      return { ...state, consents: state.consents.map((c) => (c.consentId === event.data.consentId ? { ...c, withdrawnAt: event.data.at } : c)) };
    case 'ClientReferred':
      return { ...state, referrals: [...state.referrals, { ...strip(event.data), referredAt: event.data.at, status: 'pending' }] };
    case 'ReferralAccepted': {
      const { plannedStart, at } = event.data;
      return updateReferral(state, event.data.referralId, (r) => ({ ...r, status: 'accepted', answeredAt: at, ...(plannedStart === undefined ? {} : { plannedStart }) }));
    }
    case 'ReferralDeclined': {
      const { reasonCode, reason, at } = event.data;
      return updateReferral(state, event.data.referralId, (r) => ({ ...r, status: 'declined', answeredAt: at, declineReasonCode: reasonCode, declineReason: reason }));
    }
    case 'ScreeningAdviceReceived': {
      // Advice on a referral that was never formally accepted answers it all the same.
      const answered = updateReferral(state, event.data.referralId, (r) => (r.status === 'pending' ? { ...r, status: 'accepted', answeredAt: event.data.at } : r));
      return { ...answered, advice: [...state.advice, { ...strip(event.data), receivedAt: event.data.at }] };
    }
    case 'ParticipationMeasured':
      return { ...state, measurements: [...state.measurements, { ...strip(event.data), recordedAt: event.data.at }] };
    case 'BenefitAdjusted': {
      const { benefitType, monthlyAmountCents, effectiveFrom, reason, at } = event.data;
      return {
        ...state,
        benefit: {
          ...state.benefit,
          benefitType,
          monthlyAmountCents,
          since: effectiveFrom,
          history: [...state.benefit.history, { change: 'adjusted', at, on: effectiveFrom, benefitType, monthlyAmountCents, reason }],
        },
      };
    }
    case 'BenefitEnded': {
      const { reasonCode, endedOn, at } = event.data;
      const { benefitType, monthlyAmountCents } = state.benefit;
      return {
        ...state,
        benefit: {
          ...state.benefit,
          status: 'ended',
          since: endedOn,
          endReasonCode: reasonCode,
          history: [...state.benefit.history, { change: 'ended', at, on: endedOn, benefitType, monthlyAmountCents, reasonCode }],
        },
      };
    }
    case 'BenefitReapplied': {
      const { benefitType, monthlyAmountCents, reappliedOn, at } = event.data;
      const { endReasonCode: _ended, ...benefit } = state.benefit;
      return {
        ...state,
        benefit: {
          ...benefit,
          status: 'active',
          benefitType,
          monthlyAmountCents,
          since: reappliedOn,
          history: [...state.benefit.history, { change: 'reapplied', at, on: reappliedOn, benefitType, monthlyAmountCents }],
        },
      };
    }
    case 'DroppedOut': {
      const { phase, reasonCode, reasonText, droppedOutOn, at } = event.data;
      return { ...state, status: 'dropped-out', dropout: { at, phase, reasonCode, droppedOutOn, ...(reasonText === undefined ? {} : { reasonText }) } };
    }
    case 'CaseClosed': {
      const { reasonCode, note, at } = event.data;
      return { ...state, status: 'closed', closure: { at, reasonCode, ...(note === undefined ? {} : { note }) } };
    }
    case 'PlacementStarted':
      return { ...state, placements: [...state.placements, strip(event.data)] };
    case 'PlacementEnded': {
      const { placementId, endDate, reason, reasonText } = event.data;
      return {
        ...state,
        placements: state.placements.map((p) => (p.placementId === placementId ? { ...p, endDate, endReason: reason, ...(reasonText === undefined ? {} : { endReasonText: reasonText }) } : p)),
      };
    }
    default:
      return assertNever(event);
  }
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  streamType: 'case',
  initialState: () => ({ status: 'new' }),
  decide,
  evolve,
};
