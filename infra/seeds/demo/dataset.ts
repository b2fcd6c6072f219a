// The demo data set as data: 30 clients of three projects modelled on report 002
// (Monitor Voorbeeldprojecten, ch. 2 and Table 1), each with the steps of their
// trajectory. Pure and deterministic: the same seed and the same "today" give the same
// plan. Business dates (measurements, sessions, placements) lie in the past relative to
// today, because the services refuse future facts; deadlines and review dates lie ahead.
//
//   VIP Amsterdam     first-psychosis clients of Amsterdam, integrated care + IPS, Achmea
//                     funds 8 IPS intake sessions; 3 of 10 reach paid work (report: 29%).
//   IPS NHN           IPS through GGZ Noord-Holland Noord, Univé-VGZ funds the intake;
//                     placed under Amsterdam (the demo has two municipalities);
//                     1 of 6 reaches paid work (report: 17%).
//   ExIT Rotterdam    bijstand clients with social-psychological problems, ExIT team with
//                     Parnassia Bavo Groep, weekly IDO, referral to Matching; 1 of 14
//                     reaches paid work (report: 6%).
import { allocate, prng, type Prng } from '@wcc/domain-kit';
import { testBsn } from './bsn';
import { organisations, type DemoUserName } from './organisations';
import { dutchName, type Origin } from './people';

export const DEMO_SEED = 'wcc-demo-2015-voorbeeldprojecten';

export type IsoDate = string;
export type ProjectId = 'vip-amsterdam' | 'ips-nhn' | 'exit-rotterdam';
type BenefitType = 'wwb' | 'wajong' | 'wia' | 'ww' | 'ioaw-ioaz' | 'bbz' | 'none';
type Education = 'low' | 'mid' | 'high';
type Housing = 'independent' | 'with-parents' | 'supported-housing' | 'shelter' | 'homeless' | 'other';
type DataCategory = 'identifying' | 'work' | 'care-summary' | 'financial' | 'administrative';
type PartnerType = 'care-provider' | 'insurer' | 'employer-network';
type ConsentType = 'municipality' | PartnerType;
type ZrmDomain =
  | 'finances'
  | 'daytime-activities'
  | 'housing'
  | 'domestic-relations'
  | 'mental-health'
  | 'physical-health'
  | 'addiction'
  | 'daily-living-skills'
  | 'social-network'
  | 'community-participation'
  | 'justice';
export type ZrmScores = Record<ZrmDomain, 1 | 2 | 3 | 4 | 5>;

/** What happens to a client; the mix per project follows the report's outcomes. */
export type Outcome =
  | 'work-replaced' // placed, lost the job, placed again
  | 'work-part-time' // placed part-time with wage subsidy and job coach, benefit topped up
  | 'work-lost' // placed, lost the job, matching reopened
  | 'work-via-matching' // ExIT: handed to Matching, placed, benefit ended
  | 'ips-searching' // IPS intake running, no job yet
  | 'ips-funding-refused'
  | 'care-first'
  | 'care-first-consent-withdrawn'
  | 'not-now'
  | 'reintegration' // ExIT: plan of action, not yet "matchbaar"
  | 'reintegration-consent-withdrawn'
  | 'matching-declined' // ExIT: Matching sees no chance yet (report 002 §3.2.3)
  | 'matching-searching'
  | 'care-declined'
  | 'dropout'
  | 'referral-pending';

export const PAID_WORK_OUTCOMES: readonly Outcome[] = ['work-replaced', 'work-part-time', 'work-lost', 'work-via-matching'];

export interface Profile {
  readonly bsn: string;
  readonly name: string;
  readonly birthYear: number;
  readonly sex: 'female' | 'male';
  readonly education: Education;
  readonly benefitType: BenefitType;
  readonly benefitMonthlyAmountCents: number;
  readonly housing: Housing;
}

export interface PlacementTerms {
  readonly employer: string;
  readonly vacancy?: string;
  readonly role: string;
  readonly contractType: 'permanent' | 'temporary-6m' | 'temporary-12m' | 'zero-hours' | 'work-with-benefit' | 'trial-placement';
  readonly hoursPerWeek: number;
  readonly grossHourlyWageCents: number;
  readonly wageValuePercent?: number;
  readonly wageSubsidy: boolean;
  readonly jobCoach: boolean;
  readonly startDate: IsoDate;
}

export interface Attendee {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: 'municipality' | PartnerType;
}

/** One step of a trajectory, in the order it happens. `key` names things later steps refer to. */
export type Step =
  | { readonly kind: 'assign-regie'; readonly userId: string }
  | {
      readonly kind: 'grant-consent';
      readonly key: string;
      readonly purpose?: 'research';
      readonly organisationTypes: readonly ConsentType[];
      readonly dataCategories: readonly DataCategory[];
      readonly validFrom: IsoDate;
    }
  | { readonly kind: 'withdraw-consent'; readonly key: string }
  | {
      readonly kind: 'measure';
      readonly moment: 'baseline' | '6-months' | '12-months';
      readonly measuredOn: IsoDate;
      readonly ladderRung: 1 | 2 | 3 | 4 | 5 | 6;
      readonly growthPotential: boolean;
      readonly zrm: ZrmScores;
    }
  | {
      readonly kind: 'refer-to-care';
      readonly providerId: string;
      readonly route: 'first-psychosis' | 'ips' | 'ggz-intake-wish' | 'home-visit' | 'ggz-screening';
      readonly reason: string;
      readonly replyDeadline: IsoDate;
    }
  | { readonly kind: 'care-accept' }
  | { readonly kind: 'care-decline'; readonly reasonCode: 'no-capacity' | 'not-eligible' | 'client-unreachable'; readonly reason: string }
  | { readonly kind: 'screening-start' }
  | { readonly kind: 'clinical-findings'; readonly diagnoses: readonly { readonly system: 'icd-10'; readonly code: string }[]; readonly notes: string }
  | {
      readonly kind: 'screening-advice';
      readonly advisedRoute: 'ips' | 'reintegration' | 'care-first' | 'not-now';
      readonly workCapacityHoursPerWeek: number;
      readonly recommendedHoursPerWeek?: number;
      readonly functionalLimitations: readonly string[];
      readonly contraIndications: boolean;
      readonly reviewDate: IsoDate;
    }
  | { readonly kind: 'ips-job-coach'; readonly jobCoachId: string }
  | { readonly kind: 'ips-intake-session'; readonly sessionNumber: number; readonly heldOn: IsoDate }
  | { readonly kind: 'treatment-start'; readonly startDate: IsoDate }
  | {
      readonly kind: 'care-funding';
      readonly key: string;
      readonly insurerId: string;
      readonly contractManager: DemoUserName;
      readonly instrument: 'ips-intake' | 'dbc-care-product' | 'job-coaching';
      readonly units: number;
      readonly amountCents: number;
      readonly periodFrom: IsoDate;
      readonly periodTo: IsoDate;
      /** Job coaching only: the job it is for, which the insurer caps the hours by (report 002 §5.1.4). */
      readonly job?: { readonly hoursPerWeek: number; readonly contractMonths: number; readonly startDate: IsoDate };
      readonly decision: { readonly grant: true } | { readonly refuse: { readonly reasonCode: 'not-insured' | 'not-covered' | 'budget-exhausted'; readonly reason: string } };
    }
  | { readonly kind: 'care-claim'; readonly funding: string; readonly units: number; readonly amountCents: number; readonly periodFrom: IsoDate; readonly periodTo: IsoDate }
  | { readonly kind: 'refer-to-matching'; readonly networkId: string; readonly reason: string; readonly replyDeadline: IsoDate }
  | { readonly kind: 'matching-accept' }
  | { readonly kind: 'matching-decline'; readonly reasonCode: 'no-suitable-vacancies' | 'no-capacity'; readonly reason: string }
  | { readonly kind: 'propose-candidate'; readonly employer: string; readonly vacancy: string }
  | { readonly kind: 'start-placement'; readonly key: string; readonly terms: PlacementTerms }
  | {
      readonly kind: 'review-placement';
      readonly placement: string;
      readonly reviewMonth: 1 | 3 | 6 | 12;
      readonly reviewedOn: IsoDate;
      readonly stillWorking: boolean;
      readonly hoursPerWeek: number;
      readonly issues: readonly string[];
    }
  | {
      readonly kind: 'end-placement';
      readonly placement: string;
      readonly endDate: IsoDate;
      readonly reason: 'contract-not-renewed' | 'dismissed' | 'resigned' | 'health';
      readonly reasonText?: string;
    }
  | {
      readonly kind: 'mdt-review';
      readonly key: string;
      readonly scheduledFor: string;
      readonly heldOn: IsoDate;
      readonly attendees: readonly Attendee[];
      readonly dataCategoriesDiscussed: readonly DataCategory[];
      readonly decisions: readonly string[];
      readonly actions: readonly { readonly description: string; readonly ownerUserId: string; readonly ownerOrganisationId: string; readonly dueDate: IsoDate }[];
    }
  | { readonly kind: 'adjust-benefit'; readonly benefitType: BenefitType; readonly monthlyAmountCents: number; readonly effectiveFrom: IsoDate; readonly reason: string }
  | { readonly kind: 'end-benefit'; readonly reasonCode: 'employee'; readonly endedOn: IsoDate }
  | {
      readonly kind: 'dropout';
      readonly phase: 'screening' | 'assessment' | 'placement';
      readonly reasonCode: 'motivation' | 'illness' | 'moved' | 'own-request' | 'detention';
      readonly droppedOutOn: IsoDate;
    }
  | { readonly kind: 'close-case'; readonly reasonCode: 'outflow-to-work' | 'dropped-out' | 'moved' };

export interface ClientPlan {
  /** Stable name of the client in the plan, e.g. `vip-03`; part of every Idempotency-Key. */
  readonly slug: string;
  readonly project: ProjectId;
  readonly municipalityId: string;
  readonly clientManager: DemoUserName;
  readonly careProvider: { readonly organisationId: string; readonly user: DemoUserName };
  readonly employerNetwork: { readonly organisationId: string; readonly user: DemoUserName };
  readonly origin: Origin;
  readonly outcome: Outcome;
  readonly startedOn: IsoDate;
  readonly profile: Profile;
  readonly steps: readonly Step[];
}

export interface EmployerPlan {
  readonly key: string;
  readonly networkId: string;
  readonly user: DemoUserName;
  readonly name: string;
  readonly sector: string;
  readonly size: 'micro' | 'small' | 'medium' | 'large';
  readonly contact: { readonly person: string; readonly email: string; readonly phone: string };
  readonly vacancies: readonly { readonly key: string; readonly role: string; readonly hoursPerWeek: number; readonly taskDemands: readonly string[] }[];
}

export interface DemoPlan {
  readonly seed: string;
  readonly today: IsoDate;
  readonly employers: readonly EmployerPlan[];
  readonly clients: readonly ClientPlan[];
  /** The client whose case is shown with curl after `npm start`: the full trajectory. */
  readonly showcase: string;
}

// ---------------------------------------------------------------------------------
// Dates

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

// ---------------------------------------------------------------------------------
// Projects (report 002 ch. 2 and Table 1)

interface ProjectSpec {
  readonly id: ProjectId;
  readonly prefix: string;
  readonly municipalityId: string;
  readonly clientManager: DemoUserName;
  readonly regisseur: string;
  readonly careProvider: { readonly organisationId: string; readonly user: DemoUserName };
  readonly insurer?: { readonly organisationId: string; readonly user: DemoUserName };
  readonly employerNetwork: { readonly organisationId: string; readonly user: DemoUserName };
  readonly jobCoaches: readonly string[];
  readonly outcomes: readonly Outcome[];
  readonly age: { readonly mean: number; readonly spread: number; readonly min: number; readonly max: number };
  readonly female: number;
  readonly education: Record<Education, number>;
  readonly origin: Record<Origin, number>;
  readonly benefit: Partial<Record<BenefitType, number>>;
  readonly housing: Partial<Record<Housing, number>>;
  readonly routes: readonly ('first-psychosis' | 'ips' | 'ggz-intake-wish' | 'home-visit' | 'ggz-screening')[];
  readonly referralReasons: readonly string[];
  /** Baseline participation-ladder rungs, as counts per 10 clients (report 002 Figure 3). */
  readonly ladder: Record<1 | 2 | 3 | 4 | 5 | 6, number>;
}

const projects: readonly ProjectSpec[] = [
  {
    id: 'vip-amsterdam',
    prefix: 'vip',
    municipalityId: organisations.amsterdam,
    clientManager: 'amsterdamClientManager',
    regisseur: 'regisseur-amsterdam-01',
    careProvider: { organisationId: organisations.vip, user: 'vipScreener' },
    insurer: { organisationId: organisations.achmea, user: 'achmeaContractManager' },
    employerNetwork: { organisationId: organisations.wspAmsterdam, user: 'wspAmsterdamAccountManager' },
    jobCoaches: ['ips-vip-coach-01', 'ips-vip-coach-02'],
    outcomes: ['work-replaced', 'work-part-time', 'work-lost', 'ips-searching', 'ips-searching', 'ips-searching', 'care-first', 'care-first-consent-withdrawn', 'dropout', 'referral-pending'],
    age: { mean: 26, spread: 6, min: 18, max: 38 },
    female: 0.28,
    education: { low: 46, mid: 37, high: 18 },
    origin: { nl: 35, 'tr-ma': 19, 'sr-an': 18, other: 28 },
    // "Overig" (31%) as IOAW/IOAZ here; the table's "geen" is 5%, the text says one in three.
    benefit: { wwb: 19, wajong: 34, wia: 10, 'ioaw-ioaz': 12, none: 25 },
    housing: { 'with-parents': 45, independent: 35, 'supported-housing': 20 },
    routes: ['first-psychosis'],
    referralReasons: [
      'Deelnemer VIP wil naast de behandeling werken of een opleiding volgen; graag screening en start IPS.',
      'Jongere uit het VIP-team geeft aan te willen werken; verzoek om screening en IPS-intake.',
      'Wil terug naar school of werk na uitval; verzoek om werkgerichte screening en IPS.',
    ],
    ladder: { 1: 3, 2: 4, 3: 1, 4: 0, 5: 1, 6: 1 },
  },
  {
    id: 'ips-nhn',
    prefix: 'nhn',
    municipalityId: organisations.amsterdam,
    clientManager: 'amsterdamClientManager',
    regisseur: 'regisseur-amsterdam-02',
    careProvider: { organisationId: organisations.ggzNhn, user: 'nhnScreener' },
    insurer: { organisationId: organisations.vgz, user: 'vgzContractManager' },
    employerNetwork: { organisationId: organisations.wspAmsterdam, user: 'wspAmsterdamAccountManager' },
    jobCoaches: ['ips-nhn-coach-01'],
    outcomes: ['work-replaced', 'ips-searching', 'ips-funding-refused', 'care-declined', 'dropout', 'not-now'],
    age: { mean: 33, spread: 9, min: 20, max: 55 },
    female: 0.25,
    education: { low: 51, mid: 37, high: 12 },
    origin: { nl: 86, 'tr-ma': 0, 'sr-an': 4, other: 10 },
    benefit: { wwb: 9, wajong: 42, wia: 24, ww: 3, 'ioaw-ioaz': 13, none: 9 },
    housing: { independent: 60, 'supported-housing': 30, 'with-parents': 10 },
    routes: ['ips', 'ggz-intake-wish'],
    referralReasons: [
      'Cliënt van het ambulante GGZ-team heeft bij de intake aangegeven te willen werken; verzoek om IPS-traject.',
      'Wil graag betaald werk naast de begeleiding van het wijkteam; aanmelding IPS.',
    ],
    ladder: { 1: 1, 2: 4, 3: 2, 4: 2, 5: 1, 6: 0 },
  },
  {
    id: 'exit-rotterdam',
    prefix: 'exit',
    municipalityId: organisations.rotterdam,
    clientManager: 'rotterdamClientManager',
    regisseur: 'exit-regisseur-rotterdam-01',
    careProvider: { organisationId: organisations.parnassia, user: 'parnassiaScreener' },
    employerNetwork: { organisationId: organisations.wspRijnmond, user: 'wspRijnmondAccountManager' },
    jobCoaches: [],
    outcomes: [
      'work-via-matching',
      'matching-declined',
      'matching-searching',
      'matching-searching',
      'reintegration',
      'reintegration',
      'reintegration',
      'reintegration-consent-withdrawn',
      'care-first',
      'care-first',
      'dropout',
      'dropout',
      'dropout',
      'referral-pending',
    ],
    age: { mean: 35, spread: 10, min: 21, max: 60 },
    female: 0.51,
    education: { low: 71, mid: 18, high: 12 },
    origin: { nl: 47, 'tr-ma': 18, 'sr-an': 18, other: 18 },
    benefit: { wwb: 100 },
    housing: { independent: 70, shelter: 10, 'supported-housing': 10, other: 10 },
    routes: ['home-visit', 'ggz-screening'],
    referralReasons: [
      'Bijstandsgerechtigde met sociaal-psychologische problematiek; aanmelding bij het ExIT-team voor screening en plan van aanpak.',
      'Na huisbezoek: belemmeringen op meerdere leefgebieden, enig arbeidspotentieel; verzoek om ExIT-screening.',
      'Klant loopt vast richting werk; werkconsulent vraagt ExIT-team om screening en advies.',
    ],
    ladder: { 1: 1, 2: 5, 3: 2, 4: 2, 5: 0, 6: 0 },
  },
];

const benefitAmounts: Record<BenefitType, [number, number]> = {
  wwb: [118_000, 138_000],
  wajong: [105_000, 135_000],
  wia: [140_000, 195_000],
  ww: [150_000, 210_000],
  'ioaw-ioaz': [120_000, 140_000],
  bbz: [120_000, 140_000],
  none: [0, 0],
};

// ---------------------------------------------------------------------------------
// Employers of the two networks (fictional, Dutch-plausible)

const employers: readonly EmployerPlan[] = [
  {
    key: 'korenschoof',
    networkId: organisations.wspAmsterdam,
    user: 'wspAmsterdamAccountManager',
    name: 'Bakkerij De Korenschoof',
    sector: 'voedingsmiddelenindustrie',
    size: 'small',
    contact: { person: 'Petra Hoogland', email: 'p.hoogland@korenschoof.example', phone: '020 555 0141' },
    vacancies: [{ key: 'inpakker', role: 'Inpakker bakkerij', hoursPerWeek: 20, taskDemands: ['vaste volgorde van taken', 'tempo in de ochtendspits', 'staand werk'] }],
  },
  {
    key: 'oosterdok',
    networkId: organisations.wspAmsterdam,
    user: 'wspAmsterdamAccountManager',
    name: 'Hotel Oosterdok',
    sector: 'horeca',
    size: 'medium',
    contact: { person: 'Youri Brandsma', email: 'hr@hoteloosterdok.example', phone: '020 555 0177' },
    vacancies: [{ key: 'housekeeping', role: 'Medewerker housekeeping', hoursPerWeek: 24, taskDemands: ['zelfstandig werken volgens checklist', 'lichamelijk actief'] }],
  },
  {
    key: 'amstelland-groen',
    networkId: organisations.wspAmsterdam,
    user: 'wspAmsterdamAccountManager',
    name: 'Groenvoorziening Amstelland BV',
    sector: 'hoveniers en groenvoorziening',
    size: 'small',
    contact: { person: 'Karin Olthof', email: 'k.olthof@amstelland-groen.example', phone: '020 555 0190' },
    vacancies: [{ key: 'groen', role: 'Medewerker groenonderhoud', hoursPerWeek: 32, taskDemands: ['buitenwerk', 'werken in een vaste ploeg'] }],
  },
  {
    key: 'westpoort',
    networkId: organisations.wspAmsterdam,
    user: 'wspAmsterdamAccountManager',
    name: 'Logistiek Centrum Westpoort',
    sector: 'logistiek',
    size: 'large',
    contact: { person: 'Murat Keskin', email: 'werving@lc-westpoort.example', phone: '020 555 0123' },
    vacancies: [{ key: 'orderpicker', role: 'Orderpicker', hoursPerWeek: 24, taskDemands: ['scanner gebruiken', 'productienorm per uur', 'tillen tot 15 kg'] }],
  },
  {
    key: 'veerhuis',
    networkId: organisations.wspRijnmond,
    user: 'wspRijnmondAccountManager',
    name: 'Restaurant Het Veerhuis',
    sector: 'horeca',
    size: 'small',
    contact: { person: 'Anita Verbeek', email: 'anita@hetveerhuis.example', phone: '010 555 0164' },
    vacancies: [{ key: 'keukenhulp', role: 'Keukenhulp / afwasser', hoursPerWeek: 20, taskDemands: ['avonddiensten', 'drukte op piekmomenten'] }],
  },
  {
    key: 'nieuwe-maas',
    networkId: organisations.wspRijnmond,
    user: 'wspRijnmondAccountManager',
    name: 'Kringloopbedrijf De Nieuwe Maas',
    sector: 'detailhandel',
    size: 'medium',
    contact: { person: 'Ron de Wit', email: 'r.dewit@kringloopnieuwemaas.example', phone: '010 555 0112' },
    vacancies: [{ key: 'sorteren', role: 'Medewerker sorteren en winkel', hoursPerWeek: 24, taskDemands: ['klantcontact in de winkel', 'sorteren op vaste plek'] }],
  },
  {
    key: 'waalhaven',
    networkId: organisations.wspRijnmond,
    user: 'wspRijnmondAccountManager',
    name: 'Havenlogistiek Waalhaven BV',
    sector: 'logistiek',
    size: 'medium',
    contact: { person: 'Sjoerd van Aken', email: 'personeel@waalhaven-logistiek.example', phone: '010 555 0138' },
    vacancies: [{ key: 'magazijn', role: 'Magazijnmedewerker', hoursPerWeek: 32, taskDemands: ['heftruckcertificaat gewenst', 'wisselende diensten'] }],
  },
];

// ---------------------------------------------------------------------------------
// Measurements

const zrmDomains: readonly ZrmDomain[] = [
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
];
/** Where the report's clients were limited at the start (Figure 2): lower on average. */
const limitedDomains: ReadonlySet<ZrmDomain> = new Set(['finances', 'daytime-activities', 'mental-health', 'community-participation']);

const score = (n: number): 1 | 2 | 3 | 4 | 5 => Math.min(5, Math.max(1, Math.round(n))) as 1 | 2 | 3 | 4 | 5;

function baselineZrm(random: Prng): ZrmScores {
  return Object.fromEntries(zrmDomains.map((d) => [d, score(limitedDomains.has(d) ? random.around(2.7, 1.2, 1, 4) : random.around(4, 1.2, 2, 5))])) as ZrmScores;
}

/** Six months on: the limited domains improve a little (report: 3.6 → 3.8 overall). */
function laterZrm(random: Prng, before: ZrmScores, better: boolean): ZrmScores {
  return Object.fromEntries(zrmDomains.map((d) => [d, score(before[d] + (limitedDomains.has(d) && (better || random.chance(0.4)) ? 1 : 0) - (random.chance(0.08) ? 1 : 0))])) as ZrmScores;
}

// ---------------------------------------------------------------------------------
// Building blocks of trajectories

interface Context {
  readonly random: Prng;
  readonly today: IsoDate;
  readonly spec: ProjectSpec;
  readonly startedOn: IsoDate;
  readonly index: number;
}

const everyCategory: readonly DataCategory[] = ['identifying', 'work', 'care-summary', 'financial', 'administrative'];
const workCategories: readonly DataCategory[] = ['identifying', 'work', 'financial', 'administrative'];

/** Care consent: the care provider (and insurer) may receive, and the municipality may see what they report back. */
function careConsent(ctx: Context): Step {
  const types: ConsentType[] = ctx.spec.insurer ? ['municipality', 'care-provider', 'insurer'] : ['municipality', 'care-provider'];
  return { kind: 'grant-consent', key: 'care', organisationTypes: types, dataCategories: everyCategory, validFrom: ctx.startedOn };
}

/**
 * Consent for research (the outcomes monitor's research tables), asked at the start; nine
 * in ten give it. Chosen by position, not drawn, so the random streams stay as they were.
 */
function researchConsent(ctx: Context): Step[] {
  return ctx.index % 10 === 9 ? [] : [{ kind: 'grant-consent', key: 'research', purpose: 'research', organisationTypes: ['municipality'], dataCategories: everyCategory, validFrom: ctx.startedOn }];
}

function workConsent(ctx: Context): Step {
  return { kind: 'grant-consent', key: 'work', organisationTypes: ['employer-network'], dataCategories: workCategories, validFrom: ctx.startedOn };
}

function referToCare(ctx: Context): Step {
  return {
    kind: 'refer-to-care',
    providerId: ctx.spec.careProvider.organisationId,
    route: ctx.random.pick(ctx.spec.routes),
    reason: ctx.spec.referralReasons[ctx.index % ctx.spec.referralReasons.length]!,
    replyDeadline: addDays(ctx.today, 14),
  };
}

const psychosisCodes = ['F20.0', 'F23.1', 'F29', 'F25.1'];
const otherCodes = ['F32.1', 'F33.1', 'F41.1', 'F43.1', 'F60.3', 'F41.2'];

function screening(ctx: Context, route: 'ips' | 'reintegration' | 'care-first' | 'not-now'): Step[] {
  const codes = ctx.spec.id === 'vip-amsterdam' ? psychosisCodes : otherCodes;
  const capacity = route === 'not-now' ? 0 : route === 'care-first' ? ctx.random.pick([0, 4, 8]) : ctx.random.pick([12, 16, 20, 24, 32]);
  const limitations = ctx.random
    .shuffle([
      'personal-functioning.concentration',
      'personal-functioning.pace',
      'personal-functioning.deadlines-and-peaks',
      'social-functioning.dealing-with-conflicts',
      'social-functioning.customer-contact',
      'working-hours.night-work',
      'working-hours.hours-per-day',
    ])
    .slice(0, ctx.random.int(1, 3));
  return [
    { kind: 'screening-start' },
    {
      kind: 'clinical-findings',
      diagnoses: [{ system: 'icd-10', code: ctx.random.pick(codes) }],
      notes: 'Klinische bevindingen van de screening. Blijven bij de GGZ-aanbieder en verlaten deze dienst nooit.',
    },
    {
      kind: 'screening-advice',
      advisedRoute: route,
      workCapacityHoursPerWeek: capacity,
      ...(capacity >= 8 ? { recommendedHoursPerWeek: Math.min(capacity, ctx.random.pick([8, 12, 16])) } : {}),
      functionalLimitations: limitations,
      contraIndications: route === 'care-first' || route === 'not-now',
      reviewDate: addDays(ctx.today, ctx.random.int(45, 120)),
    },
  ];
}

/** IPS: job coach, the intake sessions held so far (weekly), funding of the 8 sessions and a claim for those held. */
function ips(ctx: Context, adviceOn: IsoDate, funding: 'grant' | 'refuse'): Step[] {
  const insurer = ctx.spec.insurer!;
  const sessions = Array.from({ length: 8 }, (_, i) => addDays(adviceOn, 7 * (i + 1))).filter((d) => d <= ctx.today);
  const periodTo = addDays(adviceOn, 182);
  const steps: Step[] = [
    { kind: 'ips-job-coach', jobCoachId: ctx.spec.jobCoaches[ctx.index % ctx.spec.jobCoaches.length]! },
    ...sessions.map((heldOn, i): Step => ({ kind: 'ips-intake-session', sessionNumber: i + 1, heldOn })),
    {
      kind: 'care-funding',
      key: 'ips-intake',
      insurerId: insurer.organisationId,
      contractManager: insurer.user,
      instrument: 'ips-intake',
      units: 8,
      amountCents: 8 * 9_200,
      periodFrom: adviceOn,
      periodTo,
      decision: funding === 'grant' ? { grant: true } : { refuse: { reasonCode: 'not-insured', reason: 'Cliënt is per 1 januari bij een andere zorgverzekeraar verzekerd; graag daar aanvragen.' } },
    },
  ];
  if (funding === 'grant' && sessions.length > 0) {
    steps.push({ kind: 'care-claim', funding: 'ips-intake', units: sessions.length, amountCents: sessions.length * 9_200, periodFrom: adviceOn, periodTo: minDate(sessions.at(-1)!, periodTo) });
  }
  return steps;
}

const wage = (ctx: Context, birthYear: number): number => {
  const age = Number(ctx.today.slice(0, 4)) - birthYear;
  return age < 21 ? ctx.random.int(1_080, 1_200) : ctx.random.int(1_440, 1_650);
};

function referToMatching(ctx: Context, reason: string): Step[] {
  return [workConsent(ctx), { kind: 'refer-to-matching', networkId: ctx.spec.employerNetwork.organisationId, reason, replyDeadline: addDays(ctx.today, 10) }];
}

/** An MDT review held today: the service schedules reviews from today on only. */
function mdtReview(ctx: Context, partners: readonly PartnerType[], decisions: string[], action: { description: string; owner: 'municipality' | PartnerType; dueInDays: number }): Step {
  const attendees: Attendee[] = [{ userId: ctx.spec.regisseur, organisationId: ctx.spec.municipalityId, organisationType: 'municipality' }];
  const partner = (type: PartnerType): Attendee =>
    type === 'care-provider'
      ? { userId: `${ctx.spec.careProvider.organisationId}-professional`, organisationId: ctx.spec.careProvider.organisationId, organisationType: type }
      : type === 'employer-network'
        ? { userId: `${ctx.spec.employerNetwork.organisationId}-accountmanager`, organisationId: ctx.spec.employerNetwork.organisationId, organisationType: type }
        : { userId: `${ctx.spec.insurer!.organisationId}-contractmanager`, organisationId: ctx.spec.insurer!.organisationId, organisationType: type };
  for (const type of partners) attendees.push(partner(type));
  const owner = attendees.find((a) => a.organisationType === action.owner) ?? attendees[0]!;
  return {
    kind: 'mdt-review',
    key: 'mdt-1',
    scheduledFor: `${ctx.today}T12:00:00.000Z`,
    heldOn: ctx.today,
    attendees,
    // Never care-summary with the employer network at the table.
    dataCategoriesDiscussed: partners.includes('employer-network') ? ['work', 'administrative'] : ['work', 'care-summary', 'administrative'],
    decisions,
    actions: [{ description: action.description, ownerUserId: owner.userId, ownerOrganisationId: owner.organisationId, dueDate: addDays(ctx.today, action.dueInDays) }],
  };
}

// ---------------------------------------------------------------------------------
// Trajectories per outcome

function trajectory(ctx: Context, outcome: Outcome, profile: Profile, baseline: ZrmScores, baselineRung: 1 | 2 | 3 | 4 | 5 | 6): Step[] {
  const { random, today, startedOn, spec } = ctx;
  const adviceOn = addDays(startedOn, 21);
  const sixMonths = addDays(startedOn, 183);
  const reachesWork = PAID_WORK_OUTCOMES.includes(outcome);
  const steps: Step[] = [
    { kind: 'assign-regie', userId: spec.regisseur },
    careConsent(ctx),
    ...researchConsent(ctx),
    { kind: 'measure', moment: 'baseline', measuredOn: startedOn, ladderRung: baselineRung, growthPotential: true, zrm: baseline },
    referToCare(ctx),
  ];
  const followUp = (rung: 1 | 2 | 3 | 4 | 5 | 6): Step[] =>
    sixMonths <= today ? [{ kind: 'measure', moment: '6-months', measuredOn: sixMonths, ladderRung: rung, growthPotential: rung < 6, zrm: laterZrm(random, baseline, reachesWork) }] : [];
  const climbed = (by: number) => Math.min(4, baselineRung + by) as 1 | 2 | 3 | 4;

  switch (outcome) {
    case 'referral-pending':
      return steps;
    case 'care-declined':
      return [...steps, { kind: 'care-decline', reasonCode: 'no-capacity', reason: 'Wachtlijst voor IPS bij het team tot eind volgend kwartaal; graag over acht weken opnieuw aanmelden.' }];
    case 'dropout':
      return [
        ...steps,
        { kind: 'care-accept' },
        { kind: 'screening-start' },
        {
          kind: 'dropout',
          phase: 'screening',
          reasonCode: random.pick(['motivation', 'illness', 'moved', 'own-request'] as const),
          droppedOutOn: minDate(addDays(startedOn, random.int(25, 60)), today),
        },
        { kind: 'close-case', reasonCode: 'dropped-out' },
      ];
    case 'not-now':
      return [...steps, { kind: 'care-accept' }, ...screening(ctx, 'not-now'), ...followUp(baselineRung)];
    case 'care-first':
    case 'care-first-consent-withdrawn': {
      const care: Step[] = [...steps, { kind: 'care-accept' }, ...screening(ctx, 'care-first'), { kind: 'treatment-start', startDate: addDays(adviceOn, 7) }];
      if (spec.insurer) {
        care.push({
          kind: 'care-funding',
          key: 'dbc',
          insurerId: spec.insurer.organisationId,
          contractManager: spec.insurer.user,
          instrument: 'dbc-care-product',
          units: 1,
          amountCents: random.int(380_000, 520_000),
          periodFrom: addDays(adviceOn, 7),
          periodTo: addDays(adviceOn, 372),
          decision: { grant: true },
        });
      }
      care.push(...followUp(climbed(1)));
      if (outcome === 'care-first-consent-withdrawn') care.push({ kind: 'withdraw-consent', key: 'care' });
      return care;
    }
    case 'ips-searching':
    case 'ips-funding-refused':
      return [...steps, { kind: 'care-accept' }, ...screening(ctx, 'ips'), ...ips(ctx, adviceOn, outcome === 'ips-funding-refused' ? 'refuse' : 'grant'), ...followUp(climbed(1))];
    case 'reintegration':
    case 'reintegration-consent-withdrawn': {
      const exit: Step[] = [...steps, { kind: 'care-accept' }, ...screening(ctx, 'reintegration'), ...followUp(climbed(1))];
      exit.push(
        mdtReview(ctx, ['care-provider'], ['Plan van aanpak: eerst schulden stabiliseren, daarna werkervaringsplaats.'], {
          description: 'Aanmelding bij de schuldhulpverlening regelen',
          owner: 'municipality',
          dueInDays: 14,
        }),
      );
      if (outcome === 'reintegration-consent-withdrawn') exit.push({ kind: 'withdraw-consent', key: 'care' });
      return exit;
    }
    case 'matching-declined':
      return [
        ...steps,
        { kind: 'care-accept' },
        ...screening(ctx, 'reintegration'),
        ...referToMatching(ctx, 'Volgens het ExIT-team klaar om te gaan werken; warme overdracht naar Matching gewenst.'),
        { kind: 'matching-decline', reasonCode: 'no-suitable-vacancies', reason: 'Op dit moment geen passende vacatures voor 12 uur per week in de regio; opnieuw bespreken in het IDO.' },
        ...followUp(climbed(1)),
      ];
    case 'matching-searching': {
      const employer = random.pick(employers.filter((e) => e.networkId === spec.employerNetwork.organisationId));
      return [
        ...steps,
        { kind: 'care-accept' },
        ...screening(ctx, 'reintegration'),
        ...referToMatching(ctx, 'Volgens het ExIT-team matchbaar; zoekt 20 tot 24 uur, bij voorkeur buiten of in een vaste ploeg.'),
        { kind: 'matching-accept' },
        { kind: 'propose-candidate', employer: employer.key, vacancy: employer.vacancies[0]!.key },
        ...followUp(climbed(2)),
      ];
    }
    case 'work-via-matching': {
      const placedOn = addDays(startedOn, random.int(150, 190));
      return [
        ...steps,
        { kind: 'care-accept' },
        ...screening(ctx, 'reintegration'),
        ...referToMatching(ctx, 'Volgens het ExIT-team klaar om te gaan werken; warme overdracht naar Matching gewenst.'),
        { kind: 'matching-accept' },
        {
          kind: 'start-placement',
          key: 'job-1',
          terms: {
            employer: 'waalhaven',
            vacancy: 'magazijn',
            role: 'Magazijnmedewerker',
            contractType: 'temporary-6m',
            hoursPerWeek: 32,
            grossHourlyWageCents: wage(ctx, profile.birthYear),
            wageSubsidy: false,
            jobCoach: false,
            startDate: placedOn,
          },
        },
        { kind: 'review-placement', placement: 'job-1', reviewMonth: 1, reviewedOn: addDays(placedOn, 30), stillWorking: true, hoursPerWeek: 32, issues: [] },
        ...followUp(6),
        ...(profile.benefitType === 'none' ? [] : [{ kind: 'end-benefit', reasonCode: 'employee', endedOn: addDays(placedOn, 31) } as const]),
      ];
    }
    case 'work-part-time':
    case 'work-lost':
    case 'work-replaced': {
      const firstJobOn = addDays(adviceOn, random.int(70, 90));
      const employerKeys = spec.employerNetwork.organisationId === organisations.wspAmsterdam ? ['korenschoof', 'oosterdok', 'westpoort', 'amstelland-groen'] : ['veerhuis', 'nieuwe-maas'];
      const [first, second] = random.shuffle(employerKeys);
      const job = (key: string, employerKey: string, startDate: IsoDate, contractType: PlacementTerms['contractType'], hoursPerWeek: number, subsidy: boolean): Step => {
        const employer = employers.find((e) => e.key === employerKey)!;
        const vacancy = employer.vacancies[0]!;
        return {
          kind: 'start-placement',
          key,
          terms: {
            employer: employer.key,
            vacancy: vacancy.key,
            role: vacancy.role,
            contractType,
            hoursPerWeek,
            grossHourlyWageCents: wage(ctx, profile.birthYear),
            ...(subsidy ? { wageValuePercent: random.pick([55, 60, 70]) } : {}),
            wageSubsidy: subsidy,
            jobCoach: true,
            startDate,
          },
        };
      };
      const work: Step[] = [
        ...steps,
        { kind: 'care-accept' },
        ...screening(ctx, 'ips'),
        ...ips(ctx, adviceOn, 'grant'),
        ...referToMatching(ctx, 'Trajectbegeleider schat cliënt matchbaar in; zoekt 16 tot 24 uur, liefst met vaste collega’s.'),
        { kind: 'matching-accept' },
      ];
      if (outcome === 'work-part-time') {
        work.push(
          job('job-1', first!, firstJobOn, 'temporary-12m', 16, true),
          { kind: 'review-placement', placement: 'job-1', reviewMonth: 1, reviewedOn: addDays(firstJobOn, 30), stillWorking: true, hoursPerWeek: 16, issues: [] },
          { kind: 'review-placement', placement: 'job-1', reviewMonth: 3, reviewedOn: addDays(firstJobOn, 91), stillWorking: true, hoursPerWeek: 20, issues: ['more-guidance-needed'] },
          ...followUp(5),
        );
        if (profile.benefitType !== 'none') {
          work.push({
            kind: 'adjust-benefit',
            benefitType: profile.benefitType,
            monthlyAmountCents: Math.max(10_000, profile.benefitMonthlyAmountCents - 60_000),
            effectiveFrom: addDays(firstJobOn, 31),
            reason: 'Inkomsten uit deeltijdwerk verrekend; aanvullende uitkering.',
          });
        }
        return work;
      }
      // The first job ends: after the 3-month review for one, at the end of a 6-month contract for the other.
      const lost = outcome === 'work-replaced';
      const firstEnd = addDays(firstJobOn, lost ? 118 : 182);
      work.push(
        job('job-1', first!, firstJobOn, 'temporary-6m', 20, false),
        { kind: 'review-placement', placement: 'job-1', reviewMonth: 1, reviewedOn: addDays(firstJobOn, 30), stillWorking: true, hoursPerWeek: 20, issues: [] },
        {
          kind: 'review-placement',
          placement: 'job-1',
          reviewMonth: 3,
          reviewedOn: addDays(firstJobOn, 91),
          stillWorking: true,
          hoursPerWeek: 16,
          issues: lost ? ['conflict-at-work', 'more-guidance-needed'] : [],
        },
        lost
          ? spec.id === 'ips-nhn'
            ? { kind: 'end-placement', placement: 'job-1', endDate: firstEnd, reason: 'health' } // kept at the employer network, published as 'other'
            : { kind: 'end-placement', placement: 'job-1', endDate: firstEnd, reason: 'dismissed' }
          : { kind: 'end-placement', placement: 'job-1', endDate: firstEnd, reason: 'contract-not-renewed' },
        ...followUp(lost ? 4 : 6),
      );
      if (outcome === 'work-lost') return work;
      const secondJobOn = minDate(addDays(firstEnd, random.int(35, 60)), addDays(today, -40));
      work.push(
        job('job-2', second!, secondJobOn, 'temporary-12m', 24, false),
        { kind: 'review-placement', placement: 'job-2', reviewMonth: 1, reviewedOn: addDays(secondJobOn, 30), stillWorking: true, hoursPerWeek: 24, issues: [] },
        {
          kind: 'care-funding',
          key: 'job-coaching',
          insurerId: spec.insurer!.organisationId,
          contractManager: spec.insurer!.user,
          instrument: 'job-coaching',
          // The second job, 24 h/week on a 12-month contract: in its first 26 weeks §5.1.4 allows 0.15 × 24 × 183 / 7 = 94 hours.
          units: 40,
          amountCents: 40 * 9_200,
          periodFrom: secondJobOn,
          periodTo: addDays(secondJobOn, 182),
          job: { hoursPerWeek: 24, contractMonths: 12, startDate: secondJobOn },
          decision: { grant: true },
        },
        mdtReview(ctx, ['care-provider', 'employer-network'], ['Tweede plaatsing loopt; jobcoaching afbouwen na de 3-maandsevaluatie.'], {
          description: 'Evaluatie met werkgever en jobcoach plannen',
          owner: 'employer-network',
          dueInDays: 21,
        }),
      );
      if (profile.benefitType !== 'none') work.push({ kind: 'end-benefit', reasonCode: 'employee', endedOn: addDays(secondJobOn, 31) });
      if (ctx.spec.id === 'vip-amsterdam') work.push({ kind: 'close-case', reasonCode: 'outflow-to-work' });
      return work;
    }
    default: {
      const unknown: never = outcome;
      throw new Error(`no trajectory for ${String(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------------------------
// The plan

function startDaysAgo(random: Prng, outcome: Outcome): number {
  if (outcome === 'referral-pending') return random.int(2, 10);
  if (PAID_WORK_OUTCOMES.includes(outcome)) return random.int(300, 340);
  if (outcome === 'ips-searching' || outcome === 'ips-funding-refused') return random.int(60, 200);
  return random.int(40, 300);
}

/**
 * The plan for `today`. Who the clients are (BSN, name, profile, outcome, how long ago
 * they started) depends on the seed only, through a random stream per project and per
 * client, so a later day never renames or re-numbers anyone; what depends on today are
 * the dates and the steps that have become due (a 6-month measurement, more sessions).
 */
export function buildDemoPlan(today: IsoDate, seed: string = DEMO_SEED): DemoPlan {
  const usedBsns = new Set<string>();
  const usedNames = new Set<string>();
  const clients: ClientPlan[] = [];
  for (const spec of projects) {
    const random = prng(`${seed}/${spec.id}`);
    const n = spec.outcomes.length;
    const outcomes = random.shuffle(spec.outcomes);
    const sexes = allocate(random, n, { female: spec.female, male: 1 - spec.female });
    const educations = allocate(random, n, spec.education);
    const origins = allocate(random, n, spec.origin);
    const benefits = allocate(random, n, spec.benefit as Record<BenefitType, number>);
    // Whoever reaches work in the plan has a benefit to end or top up: swap with someone who does not.
    for (let i = 0; i < n; i++) {
      if (!PAID_WORK_OUTCOMES.includes(outcomes[i]!) || benefits[i] !== 'none') continue;
      const j = benefits.findIndex((b, k) => b !== 'none' && !PAID_WORK_OUTCOMES.includes(outcomes[k]!));
      if (j >= 0) [benefits[i], benefits[j]] = [benefits[j]!, benefits[i]!];
    }
    const housings = allocate(random, n, spec.housing as Record<Housing, number>);
    const rungs = allocate(random, n, Object.fromEntries(Object.entries(spec.ladder).map(([k, v]) => [`r${k}`, v])) as Record<string, number>).map((r) => Number(r.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6);
    for (let i = 0; i < n; i++) {
      const slug = `${spec.prefix}-${String(i + 1).padStart(2, '0')}`;
      const person = prng(`${seed}/${slug}/person`);
      const outcome = outcomes[i]!;
      const sex = sexes[i]!;
      const origin = origins[i]!;
      const age = person.around(spec.age.mean, spec.age.spread, spec.age.min, spec.age.max);
      const benefitType = benefits[i]!;
      const [low, high] = benefitAmounts[benefitType];
      const profile: Profile = {
        bsn: testBsn(() => person.int(0, 9), usedBsns),
        name: dutchName(person, origin, sex, usedNames),
        birthYear: Number(today.slice(0, 4)) - age,
        sex,
        education: educations[i]!,
        benefitType,
        benefitMonthlyAmountCents: benefitType === 'none' ? 0 : Math.round(person.int(low, high) / 100) * 100,
        housing: age < 24 && spec.id === 'vip-amsterdam' ? 'with-parents' : housings[i]!,
      };
      const startedOn = addDays(today, -startDaysAgo(person, outcome));
      const baseline = baselineZrm(person);
      const ctx: Context = { random: prng(`${seed}/${slug}/trajectory`), today, spec, startedOn, index: i };
      // Someone in paid work at the start (rung 6 while absent through illness) starts lower here when the plan places them.
      const rung = PAID_WORK_OUTCOMES.includes(outcome) && rungs[i]! >= 5 ? 2 : rungs[i]!;
      clients.push({
        slug,
        project: spec.id,
        municipalityId: spec.municipalityId,
        clientManager: spec.clientManager,
        careProvider: spec.careProvider,
        employerNetwork: spec.employerNetwork,
        origin,
        outcome,
        startedOn,
        profile,
        steps: trajectory(ctx, outcome, profile, baseline, rung),
      });
    }
  }
  const showcase = clients.find((c) => c.project === 'vip-amsterdam' && c.outcome === 'work-replaced')!;
  return { seed, today, employers, clients, showcase: showcase.slug };
}

/** A step's stable name within its client's trajectory: with the client's slug, its Idempotency-Key. */
export function stepId(step: Step): string {
  switch (step.kind) {
    case 'grant-consent':
    case 'withdraw-consent':
    case 'care-funding':
    case 'start-placement':
    case 'mdt-review':
      return `${step.kind}:${step.key}`;
    case 'measure':
      return `${step.kind}:${step.moment}`;
    case 'ips-intake-session':
      return `${step.kind}:${step.sessionNumber}`;
    case 'care-claim':
      return `${step.kind}:${step.funding}`;
    case 'propose-candidate':
      return `${step.kind}:${step.employer}:${step.vacancy}`;
    case 'review-placement':
      return `${step.kind}:${step.placement}:${step.reviewMonth}`;
    case 'end-placement':
      return `${step.kind}:${step.placement}`;
    case 'assign-regie':
    case 'refer-to-care':
    case 'care-accept':
    case 'care-decline':
    case 'screening-start':
    case 'clinical-findings':
    case 'screening-advice':
    case 'ips-job-coach':
    case 'treatment-start':
    case 'refer-to-matching':
    case 'matching-accept':
    case 'matching-decline':
    case 'adjust-benefit':
    case 'end-benefit':
    case 'dropout':
    case 'close-case':
      return step.kind;
    default: {
      const unknown: never = step;
      throw new Error(`unknown step ${JSON.stringify(unknown)}`);
    }
  }
}
