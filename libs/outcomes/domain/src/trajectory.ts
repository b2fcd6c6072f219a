// One client's trajectory as the outcomes monitor keeps it: pseudonymous (the chain's
// client key, never a BSN or name), no diagnosis, no free text, no employer. Folded from
// the chain's integration events, which the service maps into these facts at its edge
// (a domain library does not import the contracts). The state is plain JSON so the
// service can keep it in one row per case.

export type IsoDate = string;

export type TrajectoryFact =
  | {
      readonly type: 'ClientRegistered';
      readonly municipalityId: string;
      readonly birthYear: number;
      readonly sex: 'female' | 'male' | 'x';
      readonly education: 'low' | 'mid' | 'high';
      readonly benefitType: string;
      readonly benefitMonthlyAmountCents: number;
    }
  | { readonly type: 'CaseOpened'; readonly municipalityId: string; readonly on: IsoDate }
  | { readonly type: 'ConsentGranted'; readonly consentId: string; readonly purpose: string; readonly on: IsoDate; readonly validTo?: IsoDate }
  | { readonly type: 'ConsentWithdrawn'; readonly consentId: string; readonly purpose: string; readonly on: IsoDate }
  | { readonly type: 'ClientReferred'; readonly referralId: string; readonly toOrganisationId: string; readonly toOrganisationType: 'care-provider' | 'employer-network'; readonly on: IsoDate }
  | { readonly type: 'ReferralAccepted'; readonly referralId: string; readonly organisationId: string; readonly organisationType: 'care-provider' | 'employer-network'; readonly on: IsoDate }
  | { readonly type: 'ReferralDeclined'; readonly referralId: string; readonly organisationType: 'care-provider' | 'employer-network'; readonly on: IsoDate }
  | { readonly type: 'ScreeningStarted'; readonly on: IsoDate }
  | { readonly type: 'ScreeningAdviceSubmitted'; readonly on: IsoDate }
  | { readonly type: 'IpsIntakeSessionHeld'; readonly sessionNumber: number; readonly on: IsoDate }
  | { readonly type: 'ParticipationMeasured'; readonly moment: 'baseline' | '6-months' | '12-months'; readonly ladderRung: number; readonly zrmScores: readonly number[]; readonly on: IsoDate }
  | {
      readonly type: 'PlacementStarted';
      readonly placementId: string;
      readonly sequence: number;
      readonly contractType: string;
      readonly hoursPerWeek: number;
      readonly grossHourlyWageCents: number;
      readonly wageSubsidy: boolean;
      readonly startDate: IsoDate;
    }
  | { readonly type: 'PlacementEnded'; readonly placementId: string; readonly endDate: IsoDate; readonly reason: string }
  | { readonly type: 'DroppedOut'; readonly phase: string; readonly reasonCode: string; readonly on: IsoDate }
  | { readonly type: 'BenefitEnded'; readonly reasonCode: string; readonly on: IsoDate }
  | { readonly type: 'BenefitReapplied'; readonly on: IsoDate }
  | { readonly type: 'CaseClosed'; readonly reasonCode: string; readonly on: IsoDate };

export interface PlacementRecord {
  readonly placementId: string;
  readonly sequence: number;
  readonly contractType: string;
  readonly hoursPerWeek: number;
  readonly grossHourlyWageCents: number;
  readonly wageSubsidy: boolean;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly endReason: string | null;
}

export interface Measurement {
  readonly ladderRung: number;
  /** Mean of the 11 ZRM domain scores; the scores themselves are not kept. */
  readonly zrmMean: number;
  readonly on: IsoDate;
}

export interface ResearchConsent {
  readonly consentId: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}

export interface Trajectory {
  readonly caseId: string;
  readonly clientKey: string;
  readonly municipalityId: string | null;
  /** The project, from the care provider the client was referred to (see projects.ts). */
  readonly project: string | null;
  /** Start of the trajectory: the case's opening or, when earlier, its baseline measurement (intake). */
  readonly startedOn: IsoDate | null;
  readonly birthYear: number | null;
  readonly sex: 'female' | 'male' | 'x' | null;
  readonly education: 'low' | 'mid' | 'high' | null;
  readonly benefitType: string | null;
  readonly benefitMonthlyAmountCents: number | null;
  readonly referredOn: IsoDate | null;
  readonly acceptedOn: IsoDate | null;
  readonly screenedOn: IsoDate | null;
  readonly advisedOn: IsoDate | null;
  readonly ipsSessions: number;
  readonly placements: readonly PlacementRecord[];
  readonly dropout: { readonly phase: string; readonly reason: string; readonly on: IsoDate } | null;
  readonly benefitEnded: { readonly reason: string; readonly on: IsoDate } | null;
  readonly closed: { readonly reason: string; readonly on: IsoDate } | null;
  readonly measurements: Readonly<Partial<Record<'baseline' | '6-months' | '12-months', Measurement>>>;
  /** Research consents not withdrawn, with their validity: the research tables use a client only while one is in force. */
  readonly researchConsents: readonly ResearchConsent[];
}

export function emptyTrajectory(caseId: string, clientKey: string): Trajectory {
  return {
    caseId,
    clientKey,
    municipalityId: null,
    project: null,
    startedOn: null,
    birthYear: null,
    sex: null,
    education: null,
    benefitType: null,
    benefitMonthlyAmountCents: null,
    referredOn: null,
    acceptedOn: null,
    screenedOn: null,
    advisedOn: null,
    ipsSessions: 0,
    placements: [],
    dropout: null,
    benefitEnded: null,
    closed: null,
    measurements: {},
    researchConsents: [],
  };
}

const earliest = (a: IsoDate | null, b: IsoDate): IsoDate => (a === null || b < a ? b : a);

/** Applies one fact. Idempotent for a repeated fact (replay safety besides the inbox). */
export function evolveTrajectory(state: Trajectory, fact: TrajectoryFact, projectOf: (organisationId: string) => string | null): Trajectory {
  switch (fact.type) {
    case 'ClientRegistered':
      return {
        ...state,
        municipalityId: fact.municipalityId,
        birthYear: fact.birthYear,
        sex: fact.sex,
        education: fact.education,
        benefitType: fact.benefitType,
        benefitMonthlyAmountCents: fact.benefitMonthlyAmountCents,
      };
    case 'CaseOpened':
      return { ...state, municipalityId: fact.municipalityId, startedOn: earliest(state.startedOn, fact.on) };
    case 'ConsentGranted':
      return fact.purpose === 'research' && !state.researchConsents.some((c) => c.consentId === fact.consentId)
        ? { ...state, researchConsents: [...state.researchConsents, { consentId: fact.consentId, validFrom: fact.on, validTo: fact.validTo ?? null }] }
        : state;
    case 'ConsentWithdrawn':
      return fact.purpose === 'research' ? { ...state, researchConsents: state.researchConsents.filter((c) => c.consentId !== fact.consentId) } : state;
    case 'ClientReferred': {
      const project = fact.toOrganisationType === 'care-provider' ? projectOf(fact.toOrganisationId) : null;
      return { ...state, referredOn: earliest(state.referredOn, fact.on), project: state.project ?? project };
    }
    case 'ReferralAccepted': {
      const project = fact.organisationType === 'care-provider' ? projectOf(fact.organisationId) : null;
      return { ...state, acceptedOn: earliest(state.acceptedOn, fact.on), project: project ?? state.project };
    }
    case 'ReferralDeclined':
      return state;
    case 'ScreeningStarted':
      return { ...state, screenedOn: earliest(state.screenedOn, fact.on) };
    case 'ScreeningAdviceSubmitted':
      return { ...state, advisedOn: earliest(state.advisedOn, fact.on) };
    case 'IpsIntakeSessionHeld':
      return { ...state, ipsSessions: Math.max(state.ipsSessions, fact.sessionNumber) };
    case 'ParticipationMeasured': {
      const zrmMean = fact.zrmScores.length ? fact.zrmScores.reduce((a, b) => a + b, 0) / fact.zrmScores.length : Number.NaN;
      // The trajectory starts at intake (report 002 §4.1: registered "bij aanvang van een traject"): a baseline measured before the case was opened in the system moves the start back.
      const startedOn = fact.moment === 'baseline' ? earliest(state.startedOn, fact.on) : state.startedOn;
      return { ...state, startedOn, measurements: { ...state.measurements, [fact.moment]: { ladderRung: fact.ladderRung, zrmMean, on: fact.on } } };
    }
    case 'PlacementStarted': {
      if (state.placements.some((p) => p.placementId === fact.placementId)) return state;
      const placement: PlacementRecord = {
        placementId: fact.placementId,
        sequence: fact.sequence,
        contractType: fact.contractType,
        hoursPerWeek: fact.hoursPerWeek,
        grossHourlyWageCents: fact.grossHourlyWageCents,
        wageSubsidy: fact.wageSubsidy,
        startDate: fact.startDate,
        endDate: null,
        endReason: null,
      };
      return { ...state, placements: [...state.placements, placement].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.sequence - b.sequence)) };
    }
    case 'PlacementEnded':
      return { ...state, placements: state.placements.map((p) => (p.placementId === fact.placementId ? { ...p, endDate: fact.endDate, endReason: fact.reason } : p)) };
    case 'DroppedOut':
      return { ...state, dropout: { phase: fact.phase, reason: fact.reasonCode, on: fact.on } };
    case 'BenefitEnded':
      return { ...state, benefitEnded: { reason: fact.reasonCode, on: fact.on } };
    case 'BenefitReapplied':
      return { ...state, benefitEnded: null };
    case 'CaseClosed':
      return { ...state, closed: { reason: fact.reasonCode, on: fact.on } };
    default: {
      const never: never = fact;
      return never;
    }
  }
}

/** Whether a research consent is in force on the date (granted, not withdrawn, within its validity). */
export function researchConsentInForce(t: Trajectory, on: IsoDate): boolean {
  return t.researchConsents.some((c) => c.validFrom <= on && (c.validTo === null || c.validTo >= on));
}

/** Month of start (cohort), "2015-03". */
export function cohortOf(t: Trajectory): string | null {
  return t.startedOn ? t.startedOn.slice(0, 7) : null;
}

/** Whole-and-fractional months between two dates (30.4375 days a month). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (86_400_000 * 30.4375);
}
