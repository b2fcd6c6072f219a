// The municipality's code lists (DOMAIN.md "Reference data", reports 000, 002, 003).
// They are the municipality's own vocabulary; contracts/src/municipality declares the
// published shape, and the service's mapping keeps the two in step (the compiler
// refuses a value the contract does not know).

/** Type of benefit (uitkering) the client receives. WWB is bijstand under the Participatiewet. */
export const benefitTypes = ['wwb', 'wajong', 'wia', 'ww', 'ioaw-ioaz', 'bbz', 'none'] as const;
export type BenefitType = (typeof benefitTypes)[number];

export const sexes = ['female', 'male', 'x'] as const;
export type Sex = (typeof sexes)[number];

/** Opleidingsniveau as the reports group it: low/none, middle, high. */
export const educationLevels = ['low', 'mid', 'high'] as const;
export type EducationLevel = (typeof educationLevels)[number];

/** Woonsituatie. */
export const housingSituations = ['independent', 'with-parents', 'supported-housing', 'shelter', 'homeless', 'other'] as const;
export type HousingSituation = (typeof housingSituations)[number];

/** Measurement moments of the client monitor (report 002 §4.1): at the start, after 6 and after 12 months. */
export const measurementMoments = ['baseline', '6-months', '12-months'] as const;
export type MeasurementMoment = (typeof measurementMoments)[number];

/**
 * Participatieladder: 1 isolated · 2 social contacts outside the home · 3 organised
 * activities · 4 unpaid work · 5 paid work with support · 6 paid work. Each rung is
 * recorded with or without growth potential (12 codes in all).
 */
export type ParticipationLadderRung = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Zelfredzaamheid-Matrix (ZRM), the 11-domain version the monitor of report 002 used
 * (GGD Amsterdam): financiën, dagbesteding, huisvesting, huiselijke relaties,
 * geestelijke gezondheid, lichamelijke gezondheid, verslaving, ADL-vaardigheden,
 * sociaal netwerk, maatschappelijke participatie, justitie. Each scored 1 (acute
 * problems) … 5 (fully self-reliant).
 */
export const zrmDomains = [
  'finances',
  'daytime-activities',
  'housing',
  'domestic-relations',
  'mental-health',
  'physical-health',
  'addiction',
  'daily-living-skills',
  'social-network',
  'community-participation',
  'justice',
] as const;
export type ZrmDomain = (typeof zrmDomains)[number];
export type ZrmScore = 1 | 2 | 3 | 4 | 5;
export type ZrmScores = Readonly<Record<ZrmDomain, ZrmScore>>;

/**
 * Why a benefit ended (report 000 §2.3, report 003 Table 7): to work (employee,
 * self-employed), study, subsidised work, or another reason.
 */
export const benefitEndReasons = ['employee', 'self-employed', 'study', 'subsidised-work', 'relationship', 'moved', 'pension', 'detention', 'other'] as const;
export type BenefitEndReason = (typeof benefitEndReasons)[number];

/** Trajectory phases in which a client can drop out (report 000 Tables 10–11). */
export const trajectoryPhases = ['before-start', 'screening', 'assessment', 'trial-placement', 'placement', 'aftercare'] as const;
export type TrajectoryPhase = (typeof trajectoryPhases)[number];

/** Fixed list of dropout reasons (report 000 Table 11, DOMAIN.md); 'other' needs a text. */
export const dropoutReasons = ['care-advice', 'motivation', 'illness', 'detention', 'childcare', 'moved', 'own-request', 'returned-to-municipality', 'other'] as const;
export type DropoutReason = (typeof dropoutReasons)[number];

export const caseClosureReasons = ['outflow-to-work', 'outflow-to-education', 'completed', 'dropped-out', 'moved', 'other'] as const;
export type CaseClosureReason = (typeof caseClosureReasons)[number];

/** How the client came to be referred (the contract's ClientReferred routes). */
export const referralRoutes = ['home-visit', 'first-psychosis', 'ggz-intake-wish', 'occupational-physician', 'ggz-screening', 'ips', 'matching', 'other'] as const;
export type ReferralRoute = (typeof referralRoutes)[number];

export const referralTargets = ['care-provider', 'employer-network'] as const;
export type ReferralTarget = (typeof referralTargets)[number];

export const consentPurposes = ['chain-coordination', 'care', 'research'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentOrganisationTypes = ['municipality', 'care-provider', 'insurer', 'employer-network'] as const;
export type ConsentOrganisationType = (typeof consentOrganisationTypes)[number];

export const consentDataCategories = ['identifying', 'work', 'care-summary', 'financial', 'administrative'] as const;
export type ConsentDataCategory = (typeof consentDataCategories)[number];

export const advisedRoutes = ['ips', 'reintegration', 'care-first', 'not-now'] as const;
export type AdvisedRoute = (typeof advisedRoutes)[number];

/** Organisation types that can sit at an MDT case review (the partners consent is given for). */
export const reviewAttendeeOrganisationTypes = consentOrganisationTypes;
export type ReviewAttendeeOrganisationType = ConsentOrganisationType;

/** How an action agreed in an MDT case review ended. */
export const reviewActionOutcomes = ['done', 'partly-done', 'not-done', 'no-longer-needed'] as const;
export type ReviewActionOutcome = (typeof reviewActionOutcomes)[number];

/** Why a scheduled MDT case review did not take place; 'other' needs a text. */
export const reviewCancellationReasons = ['rescheduled', 'client-unavailable', 'too-few-attendees', 'no-longer-needed', 'other'] as const;
export type ReviewCancellationReason = (typeof reviewCancellationReasons)[number];
