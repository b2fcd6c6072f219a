// Trajectories for the domain's tests, folded from facts as the service folds them: the
// hand-made clients of the table tests, and seeded random cohorts of any size whose codes
// (dropout phases and reasons, contract types, benefit end reasons) range over the
// contracts' full lists, so the tables' sums are tested on every code the chain can send.
import { prng, type Prng } from '@wcc/domain-kit';
import { projectRegistryDemo2015, projectResolver } from '../projects';
import { emptyTrajectory, evolveTrajectory, type Trajectory, type TrajectoryFact } from '../trajectory';

export const projectOf = projectResolver(projectRegistryDemo2015);
export const zrm = (x: number) => Array.from({ length: 11 }, () => x);

export function client(i: number, facts: TrajectoryFact[]): Trajectory {
  return facts.reduce((s, f) => evolveTrajectory(s, f, projectOf), emptyTrajectory(`case-${i}`, `ck_${i}`));
}

export const opened = (on: string, benefitType = 'wwb'): TrajectoryFact[] => [
  { type: 'ClientRegistered', municipalityId: 'gemeente-amsterdam', birthYear: 1990, sex: 'male', education: 'low', benefitType, benefitMonthlyAmountCents: 90000 },
  { type: 'CaseOpened', municipalityId: 'gemeente-amsterdam', on },
  { type: 'ConsentGranted', consentId: `r-${on}`, purpose: 'research', on },
  { type: 'ClientReferred', referralId: `ref-${on}`, toOrganisationId: 'ggz-vip-amsterdam', toOrganisationType: 'care-provider', on },
];

export const accepted = (on: string): TrajectoryFact => ({ type: 'ReferralAccepted', referralId: 'x', organisationId: 'ggz-vip-amsterdam', organisationType: 'care-provider', on });

export const job = (id: string, startDate: string, hoursPerWeek = 20, sequence = 1, contractType = 'temporary-6m'): TrajectoryFact => ({
  type: 'PlacementStarted',
  placementId: id,
  sequence,
  contractType,
  hoursPerWeek,
  grossHourlyWageCents: 1200,
  wageSubsidy: false,
  startDate,
});

// The contracts' lists (contracts/src/municipality/case-lifecycle.ts, benefit.ts, employer-network/placement.ts); a domain library does not import them.
const phases = ['before-start', 'screening', 'assessment', 'trial-placement', 'placement', 'aftercare'];
const dropoutReasons = ['care-advice', 'motivation', 'illness', 'detention', 'childcare', 'moved', 'own-request', 'returned-to-municipality', 'other'];
const benefitEndReasons = ['employee', 'self-employed', 'study', 'subsidised-work', 'relationship', 'moved', 'pension', 'detention', 'other'];
const contractTypes = ['permanent', 'temporary-6m', 'temporary-12m', 'zero-hours', 'work-with-benefit', 'trial-placement'];
const careProviders = ['ggz-vip-amsterdam', 'ggz-nhn', 'parnassia-bavo'];
const municipalities = ['gemeente-amsterdam', 'gemeente-rotterdam', 'gemeente-alkmaar'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function randomClient(random: Prng, i: number): Trajectory {
  const on = addDays('2023-01-01', random.int(0, 900));
  const municipalityId = random.pick(municipalities);
  const facts: TrajectoryFact[] = [
    {
      type: 'ClientRegistered',
      municipalityId,
      birthYear: random.int(1960, 2004),
      sex: random.pick(['female', 'male', 'x'] as const),
      education: random.pick(['low', 'mid', 'high'] as const),
      benefitType: random.pick(['wwb', 'wajong', 'wia', 'ww', 'ioaw', 'none']),
      benefitMonthlyAmountCents: 90000,
    },
    { type: 'CaseOpened', municipalityId, on },
  ];
  if (random.chance(0.85)) {
    facts.push({ type: 'ConsentGranted', consentId: `r-${i}`, purpose: 'research', on, ...(random.chance(0.1) ? { validTo: addDays(on, random.int(30, 700)) } : {}) });
    if (random.chance(0.05)) facts.push({ type: 'ConsentWithdrawn', consentId: `r-${i}`, purpose: 'research', on: addDays(on, random.int(1, 500)) });
  }
  // Most are referred to one of the projects' care providers; some only to the employer network (no project).
  const careProvider = random.chance(0.92) ? random.pick(careProviders) : null;
  if (careProvider) facts.push({ type: 'ClientReferred', referralId: `ref-${i}`, toOrganisationId: careProvider, toOrganisationType: 'care-provider', on: addDays(on, 2) });
  const acceptedHere = careProvider !== null && random.chance(0.85);
  if (acceptedHere) {
    facts.push({ type: 'ReferralAccepted', referralId: `ref-${i}`, organisationId: careProvider, organisationType: 'care-provider', on: addDays(on, 5) });
    if (random.chance(0.9)) facts.push({ type: 'ScreeningStarted', on: addDays(on, 8) });
  }
  facts.push({ type: 'ParticipationMeasured', moment: 'baseline', ladderRung: random.int(1, 4), zrmScores: zrm(random.int(1, 4)), on: addDays(on, 1) });
  if (random.chance(0.7)) facts.push({ type: 'ParticipationMeasured', moment: '6-months', ladderRung: random.int(1, 6), zrmScores: zrm(random.int(1, 5)), on: addDays(on, 182) });
  if (random.chance(0.5)) facts.push({ type: 'ParticipationMeasured', moment: '12-months', ladderRung: random.int(1, 6), zrmScores: zrm(random.int(1, 5)), on: addDays(on, 365) });
  let start = addDays(on, random.int(10, 400));
  const jobs = acceptedHere && random.chance(0.5) ? random.int(1, 3) : 0;
  for (let j = 0; j < jobs; j++) {
    const placementId = `p-${i}-${j}`;
    facts.push(job(placementId, start, random.pick([4, 8, 12, 16, 24, 28, 32, 36, 40]), j + 1, random.pick(contractTypes)));
    if (random.chance(0.5)) {
      const end = addDays(start, random.int(20, 300));
      facts.push({ type: 'PlacementEnded', placementId, endDate: end, reason: 'contract-not-renewed' });
      start = addDays(end, random.int(10, 120));
    } else break;
  }
  if (jobs === 0 && random.chance(0.3)) facts.push({ type: 'DroppedOut', phase: random.pick(phases), reasonCode: random.pick(dropoutReasons), on: addDays(on, random.int(20, 300)) });
  if (random.chance(0.35)) facts.push({ type: 'BenefitEnded', reasonCode: random.pick(benefitEndReasons), on: addDays(on, random.int(30, 500)) });
  return client(i, facts);
}

/** A seeded cohort of `size` random clients. */
export function randomCohort(seed: number, size: number): Trajectory[] {
  const random = prng(seed);
  return Array.from({ length: size }, (_, i) => randomClient(random, i));
}
