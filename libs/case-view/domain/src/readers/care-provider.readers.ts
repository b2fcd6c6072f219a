// The care provider's events: its answer to a referral, the screening and its advice, IPS,
// treatment episodes, and care funding it asks an insurer for. Each names the care
// provider (organisationId). Everything it says reveals care involvement (its contracts
// declare 'always'); answering and screening are process, the advice, IPS intake and
// treatment say something about health.
import type { ReadersOf } from '../chain-event-reader';
import { byEn, byNl, euroEn, euroNl, join, opt } from '../readable-line';
import { referralAccepted, referralDeclined, referrerOf } from './referral-answers';

const careProvider = (d: { readonly organisationId?: string }) => d.organisationId;

export const careProviderReaders: ReadersOf<'care-provider'> = {
  'care-provider:ReferralAccepted': referralAccepted({ startsMatching: false }),
  'care-provider:ReferralDeclined': referralDeclined(),
  'care-provider:ScreeningStarted': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        `Screening gestart${byNl(d.organisationId)}`,
        opt(d.startedOn, (t) => `op ${t}`),
      ),
      en: join(
        `Screening started${byEn(d.organisationId)}`,
        opt(d.startedOn, (t) => `on ${t}`),
      ),
    }),
    summarise: (s) => s.advanceTo('screening'),
    // The screening of a referral goes back to the referrer.
    parties: { producedBy: careProvider, addressees: (d, facts) => [referrerOf(d, facts)] },
  },
  'care-provider:ScreeningAdviceSubmitted': {
    headline: 'care-summary',
    describe(d) {
      const contra = d.contraIndications;
      return {
        nl: join(
          'Screeningsadvies',
          opt(d.advisedRoute, (r) => `route ${r}`),
          opt(d.workCapacityHoursPerWeek, (h) => `belastbaar ${h} uur per week`),
          contra === undefined ? undefined : contra ? 'met contra-indicaties' : 'geen contra-indicaties',
          opt(d.reviewDate, (t) => `herbeoordeling ${t}`),
        ),
        en: join(
          'Screening advice',
          opt(d.advisedRoute, (r) => `route ${r}`),
          opt(d.workCapacityHoursPerWeek, (h) => `can work ${h} hours a week`),
          contra === undefined ? undefined : contra ? 'with contra-indications' : 'no contra-indications',
          opt(d.reviewDate, (t) => `review ${t}`),
        ),
      };
    },
    summarise(s, d, entry) {
      s.screeningAdvice = {
        adviceId: d.adviceId ?? null,
        organisationId: d.organisationId ?? null,
        advisedRoute: d.advisedRoute ?? null,
        workCapacityHoursPerWeek: d.workCapacityHoursPerWeek ?? null,
        recommendedHoursPerWeek: d.recommendedHoursPerWeek ?? null,
        functionalLimitations: d.functionalLimitations ?? [],
        contraIndications: d.contraIndications ?? null,
        reviewDate: d.reviewDate ?? null,
        submittedAt: entry.occurredAt,
      };
      s.advanceTo('advised');
    },
    // The advice goes back to the referrer.
    parties: { producedBy: careProvider, addressees: (d, facts) => [referrerOf(d, facts)] },
  },
  'care-provider:IpsJobCoachAssigned': {
    headline: 'work',
    describe: (d) => ({ nl: join('IPS-jobcoach toegewezen', d.jobCoachId), en: join('IPS job coach assigned', d.jobCoachId) }),
    summarise(s, d) {
      s.ips = { jobCoachId: d.jobCoachId ?? null, organisationId: d.organisationId ?? null, intakeSessionsHeld: s.ips?.intakeSessionsHeld ?? 0 };
    },
    parties: { producedBy: careProvider },
  },
  'care-provider:IpsIntakeSessionHeld': {
    headline: 'care-summary',
    describe: (d) => ({
      nl: join(
        `IPS-intakegesprek${opt(d.sessionNumber, (n) => ` ${n} van 8`) ?? ''} gehouden`,
        opt(d.heldOn, (t) => `op ${t}`),
      ),
      en: join(
        `IPS intake session${opt(d.sessionNumber, (n) => ` ${n} of 8`) ?? ''} held`,
        opt(d.heldOn, (t) => `on ${t}`),
      ),
    }),
    summarise(s, d) {
      s.ips = {
        jobCoachId: s.ips?.jobCoachId ?? null,
        organisationId: s.ips?.organisationId ?? d.organisationId ?? null,
        intakeSessionsHeld: Math.max(s.ips?.intakeSessionsHeld ?? 0, d.sessionNumber ?? 0),
      };
    },
    parties: { producedBy: careProvider },
  },
  'care-provider:TreatmentEpisodeStarted': {
    headline: 'care-summary',
    describe: (d) => ({
      nl: join(
        'Behandeling gestart',
        opt(d.startDate, (t) => `op ${t}`),
      ),
      en: join(
        'Treatment episode started',
        opt(d.startDate, (t) => `on ${t}`),
      ),
    }),
    summarise: (s) => void (s.inTreatment = true),
    parties: { producedBy: careProvider },
  },
  'care-provider:TreatmentEpisodeEnded': {
    headline: 'care-summary',
    describe: (d) => ({
      nl: join(
        'Behandeling beëindigd',
        opt(d.endDate, (t) => `op ${t}`),
      ),
      en: join(
        'Treatment episode ended',
        opt(d.endDate, (t) => `on ${t}`),
      ),
    }),
    summarise: (s) => void (s.inTreatment = false),
    parties: { producedBy: careProvider },
  },
  'care-provider:ClientDischarged': {
    // That the provider's involvement ended is process; why (the reason) is a care summary and stays out of the line.
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        `Cliënt uit zorg ontslagen${byNl(d.organisationId)}`,
        opt(d.dischargedOn, (t) => `op ${t}`),
      ),
      en: join(
        `Client discharged from care${byEn(d.organisationId)}`,
        opt(d.dischargedOn, (t) => `on ${t}`),
      ),
    }),
    parties: { producedBy: careProvider, addressees: (d, facts) => [referrerOf(d, facts)] },
    // Discharged, the care provider no longer takes part in the case (and no longer sees it), until it acts on it again.
    team: (team, d, entry) => team.leave(d.organisationId ?? entry.producerOrganisationId, entry.occurredAt, 'client-discharged'),
  },
  'care-provider:CareFundingRequested': {
    headline: 'financial',
    describe(d) {
      const amount = d.requestedAmountCents;
      return {
        nl: join(
          'Zorgfinanciering aangevraagd',
          opt(d.insurerId, (i) => `bij ${i}`),
          d.instrument,
          opt(d.requestedUnits, (u) => `${u} eenheden`),
          amount === undefined ? undefined : euroNl(amount),
        ),
        en: join(
          'Care funding requested',
          opt(d.insurerId, (i) => `from ${i}`),
          d.instrument,
          opt(d.requestedUnits, (u) => `${u} units`),
          amount === undefined ? undefined : euroEn(amount),
        ),
      };
    },
    summarise(s, d) {
      if (!d.fundingRequestId) return;
      s.funding.set(d.fundingRequestId, {
        ...s.request(d.fundingRequestId),
        insurerId: d.insurerId ?? null,
        instrument: d.instrument ?? null,
        requestedUnits: d.requestedUnits ?? null,
        requestedAmountCents: d.requestedAmountCents ?? null,
      });
    },
    parties: {
      producedBy: careProvider,
      // A funding request goes to the insurer it names; the insurer's answers come back to the requester.
      addressees: (d) => [d.insurerId],
      learn(facts, d) {
        if (d.fundingRequestId && d.organisationId) facts.fundingRequesters.set(d.fundingRequestId, d.organisationId);
      },
    },
    team(team, d, entry) {
      team.join(entry.producerOrganisationId, 'care-provider', 'producer', entry.occurredAt);
      team.join(d.insurerId, 'insurer', 'funder', entry.occurredAt);
    },
  },
  'care-provider:CareClaimSubmitted': {
    headline: 'financial',
    describe(d) {
      const amount = d.amountCents;
      return {
        nl: join(
          'Zorgdeclaratie ingediend',
          d.instrument,
          opt(d.units, (u) => `${u} eenheden`),
          amount === undefined ? undefined : euroNl(amount),
        ),
        en: join(
          'Care claim submitted',
          d.instrument,
          opt(d.units, (u) => `${u} units`),
          amount === undefined ? undefined : euroEn(amount),
        ),
      };
    },
    summarise(s, d) {
      if (d.claimId) s.updateClaim(d.fundingRequestId, d.claimId, (c) => ({ ...c, amountCents: d.amountCents ?? null }));
    },
    parties: { producedBy: careProvider, addressees: (d) => [d.insurerId] },
  },
};
